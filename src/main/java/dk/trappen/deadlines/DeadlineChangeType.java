package dk.trappen.deadlines;

/**
 * What a change of a deadline's due time is: an extension to a later due date, a pause (the clock stops until
 * resumed), or the resume of a pause (the due time moves on by the time it stood still).
 */
public enum DeadlineChangeType {
  EXTENSION, PAUSE, RESUME
}
