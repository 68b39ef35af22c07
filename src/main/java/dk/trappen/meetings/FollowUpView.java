package dk.trappen.meetings;

import java.time.Instant;

/** A legal follow-up as other features and the API see it. */
public record FollowUpView(long id, long caseId, int ordinal, Instant heldAt, boolean effective, String conclusion,
                           String nextInterval, String recordedBy) {

  static FollowUpView of(FollowUp f) {
    return new FollowUpView(f.getId(), f.getCaseId(), f.getOrdinal(), f.getHeldAt(), f.isEffective(),
        f.getConclusion(), f.getNextInterval(), f.getRecordedBy());
  }
}
