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
  PLACEMENT_APPROVAL,
  /** The review before an intervention's planned end ("Forbered nedtrapning"): due by the end of that day. */
  PLANNED_END_REVIEW;

  /** The configuration key, e.g. {@code acute-assessment}. */
  public String key() {
    return name().toLowerCase().replace('_', '-');
  }
}
