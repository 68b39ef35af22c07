package dk.trappen.deadlines;

/** Where a deadline stands: open, at risk, overdue, met in time, met late, or cancelled with its case. */
public enum DeadlineState {
  OPEN, AT_RISK, OVERDUE, MET, MET_LATE, CANCELLED
}
