package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a pause moves a deadline on: by the time its clock stood still. A deadline of exact hours (shape
 * {@link DeadlineRule.Shape#DURATION}) moves by exactly that time. A day-counted deadline (period, working days,
 * birthday) moves by whole calendar days in the rules' zone, the paused time rounded up to whole days, so that it keeps
 * its local time of day: one that falls due at the end of a day still does after the pause.
 */
final class PausedTime {

  private static final Duration DAY = Duration.ofDays(1);

  private PausedTime() {
  }

  /** The due time of a deadline due at {@code dueAt}, paused at {@code pausedAt}, when resumed at {@code resumedAt}. */
  static Instant dueAfter(DeadlineKind kind, Instant dueAt, Instant pausedAt, Instant resumedAt, DeadlineRules rules) {
    Duration paused = Duration.between(pausedAt, resumedAt);
    if (paused.isNegative() || paused.isZero()) {
      return dueAt;
    }
    if (rules.rule(kind).shape() == DeadlineRule.Shape.DURATION) {
      return dueAt.plus(paused);
    }
    long days = paused.toSeconds() / DAY.toSeconds() + (paused.toSeconds() % DAY.toSeconds() == 0 ? 0 : 1);
    return dueAt.atZone(rules.zone()).plusDays(days).toInstant();
  }
}
