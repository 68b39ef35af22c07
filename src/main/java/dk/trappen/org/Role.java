package dk.trappen.org;

/** The roles of DESIGN.md §1. */
public enum Role {
  INTAKE, CASEWORKER, TEAM_LEADER, ADMIN
}
