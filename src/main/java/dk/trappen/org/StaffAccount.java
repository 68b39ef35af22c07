package dk.trappen.org;

import java.time.Instant;
import java.util.List;

/**
 * A staff user as the administration sees them: who they are, how to reach them, their role and teams (sorted), and
 * the state of their account. Never the password hash.
 */
public record StaffAccount(String username, String displayName, String email, Role role, List<String> teams,
    boolean active, boolean mustChangePassword, Instant changedAt) {

  public StaffAccount {
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  static StaffAccount of(StaffUser user) {
    return new StaffAccount(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
        List.copyOf(user.getTeams()), user.isActive(), user.isMustChangePassword(), user.getChangedAt());
  }

  /** The user as the other features see them. */
  public StaffMember member() {
    return new StaffMember(username, displayName, role, teams);
  }
}
