package dk.trappen.investigation;

/** What the investigation concluded. */
public enum InvestigationOutcome {
  /** The child needs an intervention: a step on the staircase is chosen next. */
  INTERVENTION,
  /** No intervention is needed: the case closes. */
  NO_INTERVENTION
}
