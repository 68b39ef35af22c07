package dk.trappen.org;

/** The roles of docs/design.md#users ({@code HEAD} is planned, issue 17). */
public enum Role {
  INTAKE, CASEWORKER, TEAM_LEADER, ADMIN
}
