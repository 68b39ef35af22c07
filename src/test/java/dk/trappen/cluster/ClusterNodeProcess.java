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
public final class ClusterNodeProcess {

  final String name;
  final Path log;
  private final long launchedAtNanos = System.nanoTime();
  private final Process process;

  private ClusterNodeProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static ClusterNodeProcess start(String name, String jdbcUrl, String user, String... extraArgs) throws IOException {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=0"));
    args.addAll(Arrays.asList(extraArgs));
    return start(name, Path.of("target", "cluster"), List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), args,
        Map.of("TRAPPEN_DB_URL", jdbcUrl, "TRAPPEN_DB_USERNAME", user, "TRAPPEN_DB_PASSWORD", "",
            "TRAPPEN_NODE_NAME", name));
  }

  /**
   * A node with the given JVM options, application arguments (profile and database included: nothing is added but
   * {@code -Duser.timezone=UTC}) and environment, logging to {@code <logDirectory>/<name>.log}. The benchmarks use it
   * for production-like JVMs and for nodes on a plain H2 file database.
   */
  public static ClusterNodeProcess start(String name, Path logDirectory, List<String> jvmOptions, List<String> appArgs,
      Map<String, String> environment) throws IOException {
    Path log = logDirectory.resolve(name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Duser.timezone=UTC", "-cp", applicationClassPath(), "dk.trappen.TrappenApplication"));
    command.addAll(appArgs);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ClusterNodeProcess(name, log, builder.start());
  }

  /** The operating system's process id (for /proc/<pid>/status). */
  public long pid() {
    return process.pid();
  }

  /** Nanoseconds ({@link System#nanoTime()}) when the JVM was launched. */
  public long launchedAtNanos() {
    return launchedAtNanos;
  }

  /** The main classes and dependencies of this test run, without the test classes. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful job executor stop, locks left as they are. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** A normal shutdown (SIGTERM), waiting for the JVM to exit. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** Whether the node answers requests: started, and its start-up runners (demo data, migrations) done. */
  public boolean started() {
    return output().contains("Trappen answers requests");
  }

  /** Whether the application context has started (the web server listens; requests get 503 until {@link #started}). */
  public boolean booted() {
    return output().contains("Started TrappenApplication");
  }
}
