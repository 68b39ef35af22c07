package dk.trappen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures: one row per measure, the ratio against the baseline first, then the target (reported,
 * never asserted) and the absolute figures. Printed to stdout and written as Markdown.
 */
final class BenchmarkReport {

  record Row(String database, String size, String measure, String ratio, String target, String trappen,
             String baseline) {
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> header = new ArrayList<>();

  void header(String line) {
    header.add(line);
  }

  void row(String database, String size, String measure, String ratio, String target, String trappen,
      String baseline) {
    Row row = new Row(database, size, measure, ratio, target, trappen, baseline);
    rows.add(row);
    System.out.println("BENCHMARK | " + String.join(" | ", database, size, measure, ratio, target, trappen, baseline));
  }

  void note(String note) {
    notes.add(note);
    System.out.println("BENCHMARK note: " + note);
  }

  static String ratio(double r) {
    return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "n/a";
  }

  /** "ok" or "MISSED" after a ratio, for reading the table at a glance (never a test failure). */
  static String verdict(double ratio, double bound, boolean atLeast) {
    if (!Double.isFinite(ratio)) {
      return "";
    }
    boolean ok = atLeast ? ratio >= bound : ratio <= bound;
    return ok ? " ok" : " MISSED";
  }

  static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  static String perSecond(double rate) {
    return String.format(Locale.ROOT, "%.1f/s", rate);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  String markdown() {
    StringBuilder s = new StringBuilder("# Trappen benchmarks at national scale\n\n");
    header.forEach(h -> s.append(h).append("\n"));
    s.append("\n| database | size | measure | ratio | target | Trappen | baseline |\n");
    s.append("|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      s.append("| ").append(String.join(" | ", r.database(), r.size(), r.measure(), r.ratio(), r.target(),
          r.trappen(), r.baseline())).append(" |\n");
    }
    if (!notes.isEmpty()) {
      s.append("\nNotes:\n\n");
      notes.forEach(n -> s.append("- ").append(n).append("\n"));
    }
    return s.toString();
  }

  /** The table as fixed-width text for the console. */
  String text() {
    String[] titles = {"database", "size", "measure", "ratio", "target", "Trappen", "baseline"};
    int[] widths = Arrays.stream(titles).mapToInt(String::length).toArray();
    for (Row r : rows) {
      String[] cells = cells(r);
      for (int i = 0; i < cells.length; i++) {
        widths[i] = Math.max(widths[i], cells[i].length());
      }
    }
    StringBuilder s = new StringBuilder("\n==== TRAPPEN BENCHMARKS ====\n");
    header.forEach(h -> s.append(h).append("\n"));
    s.append(line(titles, widths)).append(line(Arrays.stream(widths).mapToObj("-"::repeat).toArray(String[]::new),
        widths));
    rows.forEach(r -> s.append(line(cells(r), widths)));
    notes.forEach(n -> s.append("* ").append(n).append("\n"));
    return s.toString();
  }

  private static String[] cells(Row r) {
    return new String[] {r.database(), r.size(), r.measure(), r.ratio(), r.target(), r.trappen(), r.baseline()};
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      s.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells[i]));
    }
    return s.append("\n").toString();
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown());
  }
}
