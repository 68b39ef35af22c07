package dk.trappen.deadlines;

/**
 * Where a deadline stands: open, at risk, overdue, met in time (by its current due time), met late, cancelled with its
 * case, or paused (its clock stopped by an approved pause: neither at risk nor overdue until resumed).
 */
public enum DeadlineState {
  OPEN, AT_RISK, OVERDUE, MET, MET_LATE, CANCELLED, PAUSED
}
