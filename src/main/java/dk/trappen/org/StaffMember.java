package dk.trappen.org;

import static dk.trappen.common.ProcessVariables.INTAKE_GROUP;
import static dk.trappen.common.ProcessVariables.leadGroup;
import static dk.trappen.common.ProcessVariables.teamGroup;

import java.util.List;

/** A staff user as the other features see them: who, which role, which team, and their Camunda groups. */
public record StaffMember(String username, String displayName, Role role, String teamCode) {

  public List<String> candidateGroups() {
    return switch (role) {
      case INTAKE -> List.of(INTAKE_GROUP);
      case CASEWORKER -> List.of(teamGroup(teamCode));
      case TEAM_LEADER -> List.of(teamGroup(teamCode), leadGroup(teamCode));
      case ADMIN -> List.of();
    };
  }

  static StaffMember of(StaffUser user) {
    return new StaffMember(user.getUsername(), user.getDisplayName(), user.getRole(), user.getTeamCode());
  }
}
