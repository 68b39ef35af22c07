package dk.trappen.staircase;

/** What the review before an intervention's planned end decided (process variable {@code reviewOutcome}). */
public enum PlannedEndOutcome {
  /** Step down as planned, to the intervention's recorded next step down (the step selection starts it). */
  STEP_DOWN,
  /** Go on with the intervention until a new planned end; it is reviewed again before that. */
  EXTEND,
  /** End the intervention now, without a new one in its place. */
  END
}
