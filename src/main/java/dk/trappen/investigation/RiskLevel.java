package dk.trappen.investigation;

/** The investigation's assessment of the risk to the child's health and development. */
public enum RiskLevel {
  LOW, MODERATE, HIGH, ACUTE
}
