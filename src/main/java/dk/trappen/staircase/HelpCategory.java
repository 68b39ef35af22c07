package dk.trappen.staircase;

/**
 * The kinds of help the step recommendation ({@code bpmn/step-recommendation.dmn}) can recommend, from the least to
 * the most intrusive. Each kind is covered by exactly one step of the configured staircase.
 */
public enum HelpCategory {
  /** Early help in universal services (school, day care, health visitor). */
  UNIVERSAL,
  /** Preventive interventions. */
  PREVENTIVE,
  /** Home-based measures (family treatment, contact person). */
  HOME_BASED,
  /** Placement with kin or network. */
  KIN_PLACEMENT,
  /** Placement in a foster family. */
  FOSTER_FAMILY,
  /** Placement in an institution. */
  INSTITUTION;

  /** A placement outside the home: with kin, in a foster family or in an institution. */
  public boolean isPlacementKind() {
    return this == KIN_PLACEMENT || this == FOSTER_FAMILY || this == INSTITUTION;
  }
}
