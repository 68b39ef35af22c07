package dk.trappen.deadlines;

/** Where a change of a deadline stands: asked for and waiting for the team leader, approved, or refused. */
public enum DeadlineChangeState {
  REQUESTED, APPROVED, REFUSED
}
