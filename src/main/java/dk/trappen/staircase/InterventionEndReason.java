package dk.trappen.staircase;

/**
 * Why an intervention ended: a step change, or the closure of the case (then the case's closure reason; see
 * {@code dk.trappen.cases.ClosureReason}).
 */
public enum InterventionEndReason {
  /** Replaced by an intervention on another step (or, after an emergency step, the step chosen after investigation). */
  STEP_CHANGE,
  /** Ended at the review before its planned end, without a new intervention in its place. */
  PLANNED_END,
  /** The common goal was reached: an ordinary everyday life. */
  GOAL_REACHED,
  /** The youth moved to another municipality. */
  MOVED_MUNICIPALITY,
  /** The youth turned 18 without aftercare. */
  TURNED_18,
  /** The investigation found no need for an intervention (ends an emergency step). */
  NO_INTERVENTION_NEEDED,
  /** The case closed after the acute assessment. */
  NO_FURTHER_ACTION,
  /** The case closed for another reason. */
  CASE_CLOSED;

  /** The end reason for a case closure reason (its name); unknown or missing reasons become CASE_CLOSED. */
  public static InterventionEndReason ofClosure(String closureReason) {
    if (closureReason == null) {
      return CASE_CLOSED;
    }
    for (InterventionEndReason r : values()) {
      if (r.name().equals(closureReason) && r != STEP_CHANGE && r != PLANNED_END) {
        return r;
      }
    }
    return CASE_CLOSED;
  }
}
