package dk.trappen.org;

import java.time.Instant;

/**
 * A staff user as the administration sees them: who they are, how to reach them, their role and team, and the state
 * of their account. Never the password hash.
 */
public record StaffAccount(String username, String displayName, String email, Role role, String teamCode,
    boolean active, boolean mustChangePassword, Instant changedAt) {

  static StaffAccount of(StaffUser user) {
    return new StaffAccount(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
        user.getTeamCode(), user.isActive(), user.isMustChangePassword(), user.getChangedAt());
  }

  /** The user as the other features see them. */
  public StaffMember member() {
    return new StaffMember(username, displayName, role, teamCode);
  }
}
