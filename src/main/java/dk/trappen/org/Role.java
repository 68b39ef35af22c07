package dk.trappen.org;

/**
 * The roles of docs/design.md#users. A caseworker belongs to one team; a team leader leads one or more; a head of
 * department ({@code HEAD}, afdelingsleder) oversees one or more teams and reads their cases but holds no tasks.
 */
public enum Role {
  INTAKE, CASEWORKER, TEAM_LEADER, HEAD, ADMIN;

  /** Whether the role belongs to teams (and then to at least one). */
  public boolean hasTeams() {
    return this == CASEWORKER || this == TEAM_LEADER || this == HEAD;
  }

  /** Whether the role may belong to more than one team. */
  public boolean mayHaveSeveralTeams() {
    return this == TEAM_LEADER || this == HEAD;
  }
}
