package dk.trappen.intake;

/** The outcome of the 24-hour acute assessment. */
public enum AcuteOutcome {
  /** No grounds for further action: the case closes with a recorded reason. */
  NO_ACTION,
  /** The child's health or development is in danger: an emergency step is chosen at once, then investigation. */
  ACUTE_MEASURES,
  /** Investigate the child's resources and needs. */
  INVESTIGATE
}
