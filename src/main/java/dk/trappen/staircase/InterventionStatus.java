package dk.trappen.staircase;

/** Where an intervention stands. */
public enum InterventionStatus {
  /** A placement was chosen; the team leader has not approved it yet. */
  AWAITING_APPROVAL,
  /** The team leader did not approve the placement; another step is chosen. */
  REJECTED,
  /** Decided (and approved, for a placement); waiting for the start-intervention step of the process. */
  DECIDED,
  /** Started and running. */
  RUNNING,
  /** Ended: replaced by a step change, or the case closed. */
  ENDED
}
