package dk.trappen.cases;

/** Why a case closed (docs/design.md#journey, step 8). */
public enum ClosureReason {
  /** The acute assessment found no grounds for further action. */
  NO_FURTHER_ACTION,
  /** The investigation found no need for an intervention. */
  NO_INTERVENTION_NEEDED,
  /** The common goal was reached: an ordinary everyday life. */
  GOAL_REACHED,
  /** The youth moved to another municipality. */
  MOVED_MUNICIPALITY,
  /** The youth turned 18 without aftercare. */
  TURNED_18
}
