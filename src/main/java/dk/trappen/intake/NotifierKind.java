package dk.trappen.intake;

/** Who sent a notification; professional notifiers are owed an acknowledgement. */
public enum NotifierKind {
  SCHOOL(true), DAYCARE(true), POLICE(true), HEALTH(true), SOCIAL_SERVICES(true), OTHER_PROFESSIONAL(true),
  RELATIVE(false), NEIGHBOUR(false), CHILD_OR_YOUTH(false), ANONYMOUS(false), OTHER_PRIVATE(false);

  private final boolean professional;

  NotifierKind(boolean professional) {
    this.professional = professional;
  }

  public boolean professional() {
    return professional;
  }
}
