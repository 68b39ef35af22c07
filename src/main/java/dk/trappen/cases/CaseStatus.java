package dk.trappen.cases;

public enum CaseStatus {
  OPEN, CLOSED
}
