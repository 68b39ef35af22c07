package dk.trappen.staircase;

/** Why a step is being chosen (process variable {@code selectionReason}). */
public enum SelectionReason {
  /** The first step after the investigation. */
  INITIAL,
  /** Acute measures were needed at the acute assessment. */
  EMERGENCY,
  /** A network meeting decided to step up or down: the new intervention replaces a running one. */
  STEP_CHANGE,
  /** A network meeting decided to add an intervention alongside the running ones. */
  PARALLEL;

  /** The reason in a process variable; null or unknown values are taken as INITIAL. */
  public static SelectionReason of(Object variable) {
    if (variable != null) {
      for (SelectionReason r : values()) {
        if (r.name().equals(variable.toString())) {
          return r;
        }
      }
    }
    return INITIAL;
  }
}
