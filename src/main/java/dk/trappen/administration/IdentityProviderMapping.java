package dk.trappen.administration;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffAccount;
import dk.trappen.security.IdentityProviderStaff;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The staff account of a person the identity provider signed in. Off by default: the account must exist in Trappen
 * and keeps the role and teams an administrator gave it. With {@code trappen.security.oidc.mapping.enabled}, the
 * identity provider's groups decide: the role from the groups named in {@code roles} (the most senior when several:
 * head, team leader, caseworker, intake), the teams from the groups that start with {@code team-prefix}. A new person
 * gets an account at the first sign-in; a known one's role and teams follow their groups at every sign-in. The same
 * {@link StaffPolicy} as on the pages applies (a caseworker has one team, every team exists and is active), and every
 * change is audited as the identity provider's. Administrators are never mapped: they are made in Trappen, and an
 * administrator's account is left as it is. A deactivated account stays deactivated.
 */
@Slf4j
@Component
@EnableConfigurationProperties(OidcMappingProperties.class)
class IdentityProviderMapping implements IdentityProviderStaff {

  /** Who the audit names for a change made from the identity provider's groups. */
  static final String ACTOR = "identity-provider";
  /** The roles the groups may give, most senior first. */
  private static final List<Role> SENIORITY = List.of(Role.HEAD, Role.TEAM_LEADER, Role.CASEWORKER, Role.INTAKE);

  private final OidcMappingProperties properties;
  private final OrgService staff;
  private final StaffPolicy policy;
  private final AuditService audit;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  IdentityProviderMapping(OidcMappingProperties properties, OrgService org, StaffPolicy policy, AuditService audit,
      PasswordEncoder passwords, Clock clock) {
    properties.validate();
    this.properties = properties;
    this.staff = org;
    this.policy = policy;
    this.audit = audit;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Override
  public StaffAccount staffFor(String username, Map<String, Object> claims) {
    Optional<StaffAccount> known = staff.account(username);
    if (!properties.isEnabled() || known.map(a -> a.role() == Role.ADMIN).orElse(false)) {
      return known.orElseThrow(() -> new NotStaff(username + " is not a staff user of Trappen"));
    }
    Set<String> groups = groups(claims.get(properties.getGroupsClaim()));
    Role role = SENIORITY.stream().filter(r -> groups.contains(properties.getRoles().get(r))).findFirst()
        .orElseThrow(() -> new NotStaff(username + " is in none of the identity provider's groups that give a role "
            + "in Trappen (" + String.join(", ", new TreeSet<>(properties.getRoles().values())) + ")"));
    List<String> teams = role.hasTeams() ? groups.stream().filter(g -> g.startsWith(properties.getTeamPrefix()))
        .map(g -> g.substring(properties.getTeamPrefix().length())).sorted().toList() : List.of();
    StaffAccount after = known
        .map(a -> new StaffAccount(a.username(), a.displayName(), a.email(), role, teams, a.active(),
            a.mustChangePassword(), a.changedAt()))
        .orElseGet(() -> new StaffAccount(username, text(claims.get("name"), username), text(claims.get("email"), null),
            role, teams, true, false, null));
    List<Problem> problems = policy.problems(known.orElse(null), after, null);
    if (!problems.isEmpty()) {
      throw new NotStaff(username + ": the identity provider's groups give " + role + " in " + teams
          + ", which Trappen refuses (" + problems.stream().map(p -> p.field() + " " + p.code())
          .collect(Collectors.joining(", ")) + ")");
    }
    if (known.isEmpty()) {
      return create(after);
    }
    String diff = AdministrationService.diff(known.get(), after);
    if (diff.isEmpty()) {
      return known.get();
    }
    StaffAccount updated = staff.updateAccount(after, clock.instant());
    record("user " + username + " changed by the identity provider's groups: " + diff);
    return updated;
  }

  private StaffAccount create(StaffAccount account) {
    // signs in through the identity provider only: a password nobody knows (an administrator may set one)
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    try {
      StaffAccount created = staff.createAccount(account.username(), account.displayName(), account.email(),
          account.role(), account.teams(), passwords.encode(Base64.getEncoder().encodeToString(secret)), false,
          clock.instant());
      record("user " + created.username() + " created from the identity provider's groups: "
          + AdministrationService.describe(created));
      return created;
    } catch (DataIntegrityViolationException sameNameAtOnce) {
      // a second sign-in of the same new person at the same moment created it: theirs stands
      return staff.account(account.username()).orElseThrow(() -> sameNameAtOnce);
    }
  }

  private void record(String what) {
    log.info("{}", what);
    audit.recordWithoutCase(ACTOR, "SYSTEM", AuditAction.ADMINISTER, what, null);
  }

  /** The groups claim as a set of names: a list, or one name, or nothing. */
  private static Set<String> groups(Object claim) {
    if (claim instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.toSet());
    }
    return claim == null ? Set.of() : Set.of(claim.toString());
  }

  private static String text(Object claim, String otherwise) {
    return claim == null || claim.toString().isBlank() ? otherwise : claim.toString().strip();
  }
}
