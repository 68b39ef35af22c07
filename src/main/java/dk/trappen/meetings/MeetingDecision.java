package dk.trappen.meetings;

/** What a network meeting decided. */
public enum MeetingDecision {
  /** The interventions continue; the next meeting within 8 weeks. */
  CONTINUE,
  /** One step up the staircase: a more intrusive intervention replaces a running one. */
  STEP_UP,
  /** One step down the staircase: a less intrusive intervention replaces a running one. */
  STEP_DOWN,
  /** An intervention is added alongside the running ones. */
  ADD_PARALLEL,
  /** The case closes (goal reached or moved municipality). */
  CLOSE
}
