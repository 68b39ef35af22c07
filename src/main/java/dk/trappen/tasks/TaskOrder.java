package dk.trappen.tasks;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The order of a task list: by which key ({@link Sort}) and in which direction. The default, earliest due first, is
 * the order the list has always had. Ties of a key are broken by the default order and then by task id, so that pages
 * never overlap.
 *
 * @param sort the key
 * @param descending the key's direction ({@code dir=desc})
 */
public record TaskOrder(Sort sort, boolean descending) {

  /** Earliest due first: the task list's order when none is asked for. */
  public static final TaskOrder DEFAULT = new TaskOrder(Sort.DUE, false);

  /** What a task list can be sorted by, as the request names it ({@code sort=due}). */
  public enum Sort {
    /** The open deadline's due date, else the task's own; undated tasks last in either direction. */
    DUE,
    /** When the task was created (received in the list). */
    RECEIVED,
    /** The case number. */
    CASE,
    /** The task's name (its kind). */
    KIND;

    /** The request parameter's value. */
    public String param() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TaskOrder {
    if (sort == null) {
      throw new IllegalArgumentException("a task order has a key");
    }
  }

  /**
   * The order a request names: {@code sort} one of {@code due}, {@code received}, {@code case}, {@code kind} (due when
   * none is named) and {@code dir} {@code asc} or {@code desc} (asc when none is named), any case. Another value is
   * refused naming {@code sort} or {@code dir}, both at once.
   */
  public static TaskOrder parse(String sort, String dir) {
    List<Problem> problems = new ArrayList<>();
    Sort key = Sort.DUE;
    if (sort != null && !sort.isBlank()) {
      key = sortNamed(sort);
      if (key == null) {
        problems.add(Problem.of("sort", "problem.tasks.sort", sort.strip(), values()));
      }
    }
    Boolean descending = false;
    if (dir != null && !dir.isBlank()) {
      descending = descendingNamed(dir);
      if (descending == null) {
        problems.add(Problem.of("dir", "problem.tasks.dir", dir.strip()));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    return new TaskOrder(key, descending);
  }

  /**
   * As {@link #parse}, but an unknown key is the default key and an unknown direction ascending (a hand-typed page
   * address is not an error page).
   */
  public static TaskOrder lenient(String sort, String dir) {
    Sort key = sort == null ? null : sortNamed(sort);
    Boolean descending = dir == null ? null : descendingNamed(dir);
    return new TaskOrder(key == null ? Sort.DUE : key, descending != null && descending);
  }

  /** The {@code sort} parameter's value. */
  public String sortParam() {
    return sort.param();
  }

  /** The {@code dir} parameter's value. */
  public String dirParam() {
    return descending ? "desc" : "asc";
  }

  /** Whether this is the list's default order (its parameters can be left out of a link). */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** The same key in the other direction: what a click on the sorted column's header asks for. */
  public TaskOrder reversed() {
    return new TaskOrder(sort, !descending);
  }

  /** The sort keys as the request names them, for a problem's text. */
  static String values() {
    return Arrays.stream(Sort.values()).map(Sort::param).toList().toString();
  }

  private static Sort sortNamed(String value) {
    for (Sort s : Sort.values()) {
      if (s.param().equalsIgnoreCase(value.strip())) {
        return s;
      }
    }
    return null;
  }

  private static Boolean descendingNamed(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "asc" -> false;
      case "desc" -> true;
      default -> null;
    };
  }
}
