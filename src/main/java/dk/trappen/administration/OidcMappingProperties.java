package dk.trappen.administration;

import dk.trappen.org.Role;
import java.util.EnumMap;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional mapping of the identity provider's groups to a role and teams ({@code trappen.security.oidc.mapping};
 * docs/security.md). Off by default.
 */
@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.security.oidc.mapping")
class OidcMappingProperties {

  private static final String KEY = "trappen.security.oidc.mapping";

  /** Whether the identity provider's groups decide a signed-in person's role and teams. */
  private boolean enabled;
  /** The claim that lists the person's groups. */
  private String groupsClaim = "groups";
  /** The group that gives each role (INTAKE, CASEWORKER, TEAM_LEADER, HEAD); never ADMIN. */
  private Map<Role, String> roles = new EnumMap<>(Role.class);
  /** Groups starting with this name a team by the rest: {@code trappen-team-nord} is team {@code nord}. */
  private String teamPrefix = "trappen-team-";

  /** Stops start-up, naming the key, when the mapping is on and cannot work. */
  void validate() {
    if (!enabled) {
      return;
    }
    if (groupsClaim == null || groupsClaim.isBlank()) {
      throw new IllegalStateException(KEY + ".groups-claim: must name the claim that lists the groups");
    }
    if (roles.isEmpty()) {
      throw new IllegalStateException(KEY + ".roles: name the group of at least one role (e.g. CASEWORKER: "
          + "trappen-sagsbehandlere) when the mapping is enabled");
    }
    if (roles.containsKey(Role.ADMIN)) {
      throw new IllegalStateException(KEY + ".roles.ADMIN: administrators are made in Trappen, not by the identity "
          + "provider's groups");
    }
    roles.forEach((role, group) -> {
      if (group == null || group.isBlank()) {
        throw new IllegalStateException(KEY + ".roles." + role + ": must name a group");
      }
    });
    if (teamPrefix == null || teamPrefix.isBlank()) {
      throw new IllegalStateException(KEY + ".team-prefix: must not be empty (every group would name a team)");
    }
  }
}
