package dk.trappen.staircase;

import java.time.Instant;
import java.util.List;

/**
 * A safety plan as other features and the API see it: what was agreed, with whom, when and by whom, and its reviews
 * at the network meetings, newest first.
 */
public record SafetyPlanView(long id, long interventionId, long caseId, String content, String agreedWith,
                             Instant agreedAt, String agreedBy, List<Review> reviews) {

  /** A network meeting's review of the plan. */
  public record Review(long id, long meetingId, boolean holds, String note, Instant reviewedAt, String reviewedBy) {
  }
}
