package dk.trappen.deadlines;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a deadline has passed. Due times are compared in whole seconds: a deadline due at 23:59:59 (the end of its
 * last day, see {@link DeadlineRule#END_OF_DAY}) is still in time throughout that second, is met in time by work
 * done in it, and is passed (OVERDUE) from the next second, midnight. The register's queries and the task list do the
 * same by comparing the due time strictly with {@link #secondOf} now.
 */
public final class DueTime {

  private DueTime() {
  }

  /** The whole second {@code t} falls in (its fraction dropped). */
  public static Instant secondOf(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Whether a deadline due at {@code due} has passed at {@code t}: {@code t}'s second lies after the due time. */
  public static boolean passed(Instant due, Instant t) {
    return secondOf(t).isAfter(due);
  }
}
