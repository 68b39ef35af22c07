package dk.trappen.staircase;

import java.time.Instant;

/**
 * News that a decision on a case's intervention was made, published by {@link StaircaseService} inside the
 * transaction that records it: a step chosen (not a placement, which waits for approval), a placement approved, or a
 * running intervention ended when its case closed. A step change ends the old intervention too, but the decision on
 * the new step says so, so that end is not published. The letters feature drafts the decision letter from it.
 *
 * @param interventionId the intervention decided, approved or ended
 * @param user           who decided (null when a case's closure ended the intervention without a user)
 */
public record StaircaseDecision(long caseId, long interventionId, Kind kind, String user, Instant at) {

  public enum Kind {
    /** A step chosen that needs no approval (it starts next). */
    STEP_CHOSEN,
    /** A placement approved by the team leader. */
    PLACEMENT_APPROVED,
    /** A running intervention ended with its case's closure. */
    INTERVENTION_ENDED
  }
}
