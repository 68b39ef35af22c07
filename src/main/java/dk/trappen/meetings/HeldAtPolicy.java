package dk.trappen.meetings;

import dk.trappen.common.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a meeting or follow-up was held, as the caseworker records it: not in the future, and not more than
 * {@code trappen.meetings.held-at-limit-days} days (default 30) before it is recorded; left out, it was held when it is
 * recorded. The next clock runs from the time it was held, not from the time it was typed in.
 */
@Component
class HeldAtPolicy {

  static final String KEY = "trappen.meetings.held-at-limit-days";

  private final int limitDays;

  HeldAtPolicy(@Value("${" + KEY + ":30}") int limitDays) {
    if (limitDays < 1 || limitDays > 365) {
      throw new IllegalStateException(KEY + ": must be between 1 and 365 days, was " + limitDays);
    }
    this.limitDays = limitDays;
  }

  /** Every problem of {@code heldAt} at {@code now} in {@code zone} (none when it is left out). */
  List<Problem> problems(Instant heldAt, Instant now, ZoneId zone) {
    if (heldAt == null) {
      return List.of();
    }
    if (heldAt.isAfter(now)) {
      return List.of(Problem.of("heldAt", "problem.meeting.heldAt.future"));
    }
    if (heldAt.isBefore(now.atZone(zone).minusDays(limitDays).toInstant())) {
      return List.of(Problem.of("heldAt", "problem.meeting.heldAt.tooEarly", limitDays));
    }
    return List.of();
  }

  /** The time it was held: as recorded, or now when left out. */
  static Instant heldAt(Instant heldAt, Instant now) {
    return heldAt == null ? now : heldAt;
  }
}
