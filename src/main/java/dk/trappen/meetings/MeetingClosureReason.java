package dk.trappen.meetings;

/** Why a network meeting closes the case (names as in {@code dk.trappen.cases.ClosureReason}). */
public enum MeetingClosureReason {
  /** The common goal was reached: an ordinary everyday life. */
  GOAL_REACHED,
  /** The youth moved to another municipality. */
  MOVED_MUNICIPALITY
}
