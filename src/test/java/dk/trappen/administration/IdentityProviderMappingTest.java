package dk.trappen.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.trappen.api.TestStaff;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffAccount;
import dk.trappen.security.IdentityProviderStaff;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** The identity provider's groups mapped to a role and teams: off by default, and when on, checked like the pages. */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("The identity provider's groups give a role and teams, when the mapping is on")
class IdentityProviderMappingTest {

  @Autowired
  private OrgService org;
  @Autowired
  private StaffPolicy policy;
  @Autowired
  private AuditService audit;
  @Autowired
  private PasswordEncoder encoder;
  @Autowired
  private Clock clock;
  @Autowired
  private IdentityProviderStaff configured;

  private IdentityProviderMapping mapping;

  @BeforeEach
  void mappingOn() {
    TestStaff.ensure(org, encoder);
    // teams of their own: a team leader the identity provider makes of nord would receive nord's notices in the tests
    // that share this database
    for (String team : List.of("fjord", "fjeld")) {
      if (!org.teamExists(team)) {
        org.createTeam(team, "Team " + team);
      }
    }
    OidcMappingProperties on = new OidcMappingProperties();
    on.setEnabled(true);
    on.setRoles(Map.of(Role.CASEWORKER, "trappen-sagsbehandlere", Role.TEAM_LEADER, "trappen-teamledere",
        Role.HEAD, "trappen-afdelingsledere", Role.INTAKE, "trappen-modtagelse"));
    mapping = new IdentityProviderMapping(on, org, policy, audit, encoder, clock);
  }

  private static Map<String, Object> claims(List<String> groups) {
    return Map.of("name", "Pia Nyansat", "email", "pia@kommune.dk", "groups", groups);
  }

  private List<String> administeredByTheIdentityProvider() {
    return audit.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
        .filter(a -> a.action() == AuditAction.ADMINISTER && a.username().equals(IdentityProviderMapping.ACTOR))
        .map(AuditService.AuditView::what).toList();
  }

  @Test
  @DisplayName("off by default: the groups are ignored, and a person Trappen does not know is refused")
  void offByDefault() {
    assertThat(configured.staffFor("karen", claims(List.of("trappen-afdelingsledere", "trappen-team-syd"))).role())
        .isEqualTo(Role.CASEWORKER);
    assertThatThrownBy(() -> configured.staffFor("ukendt", claims(List.of("trappen-sagsbehandlere"))))
        .isInstanceOf(IdentityProviderStaff.NotStaff.class).hasMessageContaining("not a staff user");
    assertThat(org.account("ukendt")).isEmpty();
  }

  @Test
  @DisplayName("a new person in the caseworkers' group and a team's group gets an account at the first sign-in, "
      + "audited; a later sign-in with a team leader's groups over two teams changes role and teams, audited")
  void newPersonAndChangedGroups() {
    StaffAccount pia = mapping.staffFor("pia", claims(List.of("trappen-sagsbehandlere", "trappen-team-fjord",
        "alle-ansatte")));
    assertThat(pia.role()).isEqualTo(Role.CASEWORKER);
    assertThat(pia.teams()).containsExactly("fjord");
    assertThat(pia.displayName()).isEqualTo("Pia Nyansat");
    assertThat(pia.mustChangePassword()).isFalse();
    assertThat(org.caseworkers("fjord")).extracting(m -> m.username()).contains("pia");

    StaffAccount again = mapping.staffFor("pia", claims(List.of("trappen-sagsbehandlere", "trappen-team-fjord")));
    assertThat(again).isEqualTo(pia);

    StaffAccount promoted = mapping.staffFor("pia", claims(List.of("trappen-sagsbehandlere", "trappen-teamledere",
        "trappen-team-fjord", "trappen-team-fjeld")));
    assertThat(promoted.role()).as("the most senior role of the groups").isEqualTo(Role.TEAM_LEADER);
    assertThat(promoted.teams()).containsExactly("fjeld", "fjord");
    assertThat(administeredByTheIdentityProvider()).contains(
        "user pia created from the identity provider's groups: name 'Pia Nyansat', e-mail pia@kommune.dk, "
            + "role CASEWORKER, teams [fjord]",
        "user pia changed by the identity provider's groups: role CASEWORKER -> TEAM_LEADER; "
            + "teams [fjord] -> [fjeld, fjord]");
  }

  @Test
  @DisplayName("groups Trappen's rules refuse (a caseworker in two teams, an unknown team, no role at all) refuse "
      + "the sign-in, say why, and change nothing; an administrator's account is never mapped")
  void refusedGroupsChangeNothing() {
    assertThatThrownBy(() -> mapping.staffFor("lars", claims(List.of("trappen-sagsbehandlere", "trappen-team-nord",
        "trappen-team-syd")))).isInstanceOf(IdentityProviderStaff.NotStaff.class)
        .hasMessageContaining("teams problem.admin.teams.one");
    assertThat(org.account("lars").orElseThrow().teams()).containsExactly("nord");
    assertThatThrownBy(() -> mapping.staffFor("quinn", claims(List.of("trappen-sagsbehandlere",
        "trappen-team-atlantis")))).isInstanceOf(IdentityProviderStaff.NotStaff.class)
        .hasMessageContaining("teams problem.admin.teams.unknown");
    assertThatThrownBy(() -> mapping.staffFor("rasmus", claims(List.of("alle-ansatte"))))
        .isInstanceOf(IdentityProviderStaff.NotStaff.class).hasMessageContaining("none of the identity provider's "
            + "groups that give a role");
    assertThat(org.account("quinn")).isEmpty();
    assertThat(org.account("rasmus")).isEmpty();

    assertThat(mapping.staffFor("admin", claims(List.of("trappen-sagsbehandlere", "trappen-team-nord"))).role())
        .isEqualTo(Role.ADMIN);
  }

  @Test
  @DisplayName("a mapping switched on without groups, or giving the administrator role, stops start-up naming the key")
  void misconfigurationNamesTheKey() {
    OidcMappingProperties none = new OidcMappingProperties();
    none.setEnabled(true);
    assertThatThrownBy(none::validate).hasMessageStartingWith("trappen.security.oidc.mapping.roles:");
    OidcMappingProperties admin = new OidcMappingProperties();
    admin.setEnabled(true);
    admin.setRoles(Map.of(Role.ADMIN, "it-afdelingen"));
    assertThatThrownBy(admin::validate).hasMessageStartingWith("trappen.security.oidc.mapping.roles.ADMIN:");
  }
}
