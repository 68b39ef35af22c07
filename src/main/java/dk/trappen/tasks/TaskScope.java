package dk.trappen.tasks;

import dk.trappen.common.InvalidInputException;
import java.util.Locale;

/** Which of a user's open tasks a task list shows: their own, or their teams' that nobody holds yet. */
public enum TaskScope {
  MINE, TEAM;

  /**
   * The scope a request names ({@code mine}, {@code team}, any case), or null for both when none is named; another
   * value is refused naming {@code scope}.
   */
  public static TaskScope parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("scope", "problem.tasks.scope", value);
    }
  }

  /** As {@link #parse}, but an unknown value shows both (a hand-typed page address is not an error page). */
  public static TaskScope lenient(String value) {
    try {
      return parse(value);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  /** The request parameter's value. */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
