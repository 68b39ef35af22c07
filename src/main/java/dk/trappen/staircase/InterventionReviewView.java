package dk.trappen.staircase;

import java.time.Instant;
import java.time.LocalDate;

/** A review before an intervention's planned end, as the case page and the API see it. */
public record InterventionReviewView(long id, long interventionId, PlannedEndOutcome outcome, String reason,
                                     LocalDate plannedEndBefore, LocalDate newPlannedEnd, String stepDownKey,
                                     Instant reviewedAt, String reviewedBy) {

  static InterventionReviewView of(InterventionReview r) {
    return new InterventionReviewView(r.getId(), r.getInterventionId(), r.getOutcome(), r.getReason(),
        r.getPlannedEndBefore(), r.getNewPlannedEnd(), r.getStepDownKey(), r.getReviewedAt(), r.getReviewedBy());
  }
}
