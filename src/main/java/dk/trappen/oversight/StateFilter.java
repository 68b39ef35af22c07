package dk.trappen.oversight;

import dk.trappen.common.InvalidInputException;
import dk.trappen.deadlines.DeadlineState;

/**
 * The {@code state} filter of the overdue lists, one parser for the API, the page and the CSV export: {@code overdue},
 * {@code at-risk}, or omitted (or empty) for both. Anything else is refused with {@value #CODE} naming {@code state};
 * the API and the export answer it as a 400, the page shows it and lists both.
 */
final class StateFilter {

  static final String FIELD = "state";
  static final String CODE = "problem.oversight.state";

  private StateFilter() {
  }

  /** The one state asked for, or null for both. */
  static DeadlineState parse(String state) {
    return switch (state == null ? "" : state) {
      case "" -> null;
      case "overdue" -> DeadlineState.OVERDUE;
      case "at-risk" -> DeadlineState.AT_RISK;
      default -> throw InvalidInputException.of(FIELD, CODE, state);
    };
  }
}
