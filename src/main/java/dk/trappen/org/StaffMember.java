package dk.trappen.org;

import static dk.trappen.common.ProcessVariables.INTAKE_GROUP;
import static dk.trappen.common.ProcessVariables.leadGroup;
import static dk.trappen.common.ProcessVariables.teamGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * A staff user as the other features see them: who, which role, which teams (sorted; one for a caseworker, one or
 * more for a team leader or head, none for intake and administrators), and their Camunda groups.
 */
public record StaffMember(String username, String displayName, Role role, List<String> teams) {

  public StaffMember {
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  /** A member of at most one team ({@code null}: none). */
  public static StaffMember of(String username, String displayName, Role role, String teamCode) {
    return new StaffMember(username, displayName, role, teamCode == null ? List.of() : List.of(teamCode));
  }

  /**
   * The user's first team (a caseworker's only one), or {@code null}: the team a page opens on and a new notification
   * is proposed for.
   */
  public String teamCode() {
    return teams.isEmpty() ? null : teams.get(0);
  }

  /** Whether the user belongs to {@code teamCode}. */
  public boolean covers(String teamCode) {
    return teamCode != null && teams.contains(teamCode);
  }

  /** The Camunda groups: a head has none (they read, they hold no tasks). */
  public List<String> candidateGroups() {
    List<String> groups = new ArrayList<>();
    switch (role) {
      case INTAKE -> groups.add(INTAKE_GROUP);
      case CASEWORKER -> teams.forEach(t -> groups.add(teamGroup(t)));
      case TEAM_LEADER -> teams.forEach(t -> {
        groups.add(teamGroup(t));
        groups.add(leadGroup(t));
      });
      case HEAD, ADMIN -> { }
    }
    return List.copyOf(groups);
  }

  static StaffMember of(StaffUser user) {
    return new StaffMember(user.getUsername(), user.getDisplayName(), user.getRole(), List.copyOf(user.getTeams()));
  }
}
