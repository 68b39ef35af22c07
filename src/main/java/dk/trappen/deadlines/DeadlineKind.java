package dk.trappen.deadlines;

/** The kinds of deadline a youth case has; each is configured under {@code trappen.deadlines.<kebab-case name>}. */
public enum DeadlineKind {
  ACUTE_ASSESSMENT,
  REASSESSMENT,
  ACKNOWLEDGEMENT,
  INVESTIGATION,
  INTERIM_ASSESSMENT,
  ACTION_PLAN,
  FIRST_FOLLOW_UP,
  FOLLOW_UP,
  NETWORK_MEETING,
  CONCERN_RESPONSE,
  YOUTH_PLAN,
  AFTERCARE,
  PLACEMENT_APPROVAL;

  /** The configuration key, e.g. {@code acute-assessment}. */
  public String key() {
    return name().toLowerCase().replace('_', '-');
  }
}
