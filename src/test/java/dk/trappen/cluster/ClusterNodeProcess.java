package dk.trappen.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Trappen node as its own JVM, started exactly as in production ({@code TrappenApplication} with the
 * {@code postgres} profile, configured by environment variables), so that it can be killed hard (SIGKILL) like a
 * machine that dies. Its output goes to {@code target/cluster/<name>.log}.
 */
final class ClusterNodeProcess {

  final String name;
  final Path log;
  private final Process process;

  private ClusterNodeProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static ClusterNodeProcess start(String name, String jdbcUrl, String user, String... extraArgs) throws IOException {
    Path log = Path.of("target", "cluster", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
        "-cp", applicationClassPath(),
        "dk.trappen.TrappenApplication",
        "--spring.profiles.active=postgres",
        "--server.port=0"));
    command.addAll(Arrays.asList(extraArgs));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("TRAPPEN_DB_URL", jdbcUrl);
    env.put("TRAPPEN_DB_USERNAME", user);
    env.put("TRAPPEN_DB_PASSWORD", "");
    env.put("TRAPPEN_NODE_NAME", name);
    return new ClusterNodeProcess(name, log, builder.start());
  }

  /** The main classes and dependencies of this test run, without the test classes. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful job executor stop, locks left as they are. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** A normal shutdown (SIGTERM), waiting for the JVM to exit. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  boolean started() {
    return output().contains("Started TrappenApplication");
  }
}
