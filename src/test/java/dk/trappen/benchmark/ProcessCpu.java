package dk.trappen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc} (Linux): a node JVM by pid, and the PostgreSQL server with all its
 * backends by name. For the N-node model: the database's and the node's CPU per timer of a burst.
 */
final class ProcessCpu {

  private static final double MS_PER_TICK = 1000.0 / clockTicksPerSecond();

  private ProcessCpu() {
  }

  /** CPU milliseconds (user + system) the process has used, or 0 if it is gone. */
  static double ofPid(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the command name is in parentheses and may hold spaces: the fields after it start with the state (field 3)
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU milliseconds used by every live process named {@code postgres} (the server and its backends). */
  static double ofPostgres() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> {
            try {
              return Files.readString(p.resolve("comm")).strip().equals("postgres");
            } catch (IOException e) {
              return false;
            }
          })
          .mapToDouble(p -> ofPid(Long.parseLong(p.getFileName().toString()))).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
