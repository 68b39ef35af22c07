package dk.trappen.org;

import dk.trappen.common.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and staff: lookups for the other features, and the creation the demo data and administrators use. */
@Service
@Transactional(readOnly = true)
public class OrgService {

  private final TeamRepository teams;
  private final StaffUserRepository users;

  OrgService(TeamRepository teams, StaffUserRepository users) {
    this.teams = teams;
    this.users = users;
  }

  public Optional<StaffMember> member(String username) {
    return users.findByUsername(username).map(StaffMember::of);
  }

  /** The user with their password hash, for authentication only. */
  public Optional<StaffUser> credentials(String username) {
    return users.findByUsername(username);
  }

  public boolean teamExists(String code) {
    return teams.findByCode(code).isPresent();
  }

  public List<Team> teams() {
    return teams.findAll();
  }

  /** The active caseworkers of a team, by username: those work can be given to. */
  public List<StaffMember> caseworkers(String teamCode) {
    return activeInTeam(teamCode, Role.CASEWORKER);
  }

  /** The active team leaders of a team, by username; empty for an unknown team or a team without a leader. */
  public List<StaffMember> teamLeaders(String teamCode) {
    return activeInTeam(teamCode, Role.TEAM_LEADER);
  }

  /** The active heads of department over a team, by username: the second escalation tier's recipients. */
  public List<StaffMember> heads(String teamCode) {
    return activeInTeam(teamCode, Role.HEAD);
  }

  /** The active heads of department, by username (the digest goes to each). */
  public List<StaffMember> heads() {
    return users.findByRoleAndActiveTrueOrderByUsername(Role.HEAD).stream().map(StaffMember::of).toList();
  }

  private List<StaffMember> activeInTeam(String teamCode, Role role) {
    return users.findInTeamWithRole(teamCode, role).stream().filter(StaffUser::isActive).map(StaffMember::of)
        .toList();
  }

  /** The deactivated caseworkers and team leaders of a team: whose work may need a new holder. */
  public List<StaffMember> formerMembers(String teamCode) {
    return users.findInactiveInTeam(teamCode).stream().map(StaffMember::of).toList();
  }

  public boolean anyTeam() {
    return teams.count() > 0;
  }

  @Transactional
  public Team createTeam(String code, String name) {
    return teams.save(new Team(code, name));
  }

  @Transactional
  public StaffMember createUser(String username, String displayName, Role role, String teamCode, String passwordHash,
      boolean demo) {
    return createUserInTeams(username, displayName, role, teamCode == null ? List.of() : List.of(teamCode),
        passwordHash, demo);
  }

  /** A user in the teams (the demo data and tests; administrators go through the administration's checks). */
  @Transactional
  public StaffMember createUserInTeams(String username, String displayName, Role role, List<String> teamCodes,
      String passwordHash, boolean demo) {
    if (role.hasTeams() && (teamCodes.isEmpty() || !teamCodes.stream().allMatch(this::teamExists))) {
      throw new IllegalArgumentException("teams: a " + role + " needs existing teams, got " + teamCodes);
    }
    StaffUser user = new StaffUser();
    user.setUsername(username);
    user.setDisplayName(displayName);
    user.setRole(role);
    user.getTeams().addAll(teamCodes);
    user.setPasswordHash(passwordHash);
    user.setDemo(demo);
    return StaffMember.of(users.save(user));
  }

  // ---- administration: the caller (administration) has checked the change against its policy ------------------------

  public Optional<Team> team(String code) {
    return teams.findByCode(code);
  }

  public List<StaffAccount> accounts() {
    return users.findAll(Sort.by("username")).stream().map(StaffAccount::of).toList();
  }

  public Optional<StaffAccount> account(String username) {
    return users.findByUsername(username).map(StaffAccount::of);
  }

  public boolean anyUser() {
    return users.count() > 0;
  }

  /** How many active staff users have the role. */
  public long activeWithRole(Role role) {
    return users.countByRoleAndActiveTrue(role);
  }

  /** How many active staff users belong to the team. */
  public long activeMembers(String teamCode) {
    return users.countActiveInTeam(teamCode);
  }

  public boolean anyAdministrator() {
    return users.existsByRole(Role.ADMIN);
  }

  /** A new staff user; {@code mustChangePassword} makes them choose a new password at their first sign-in. */
  @Transactional
  public StaffAccount createAccount(String username, String displayName, String email, Role role,
      List<String> teamCodes, String passwordHash, boolean mustChangePassword, Instant at) {
    StaffUser user = new StaffUser();
    user.setUsername(username);
    user.setDisplayName(displayName);
    user.setEmail(email);
    user.setRole(role);
    if (teamCodes != null) {
      user.getTeams().addAll(teamCodes);
    }
    user.setPasswordHash(passwordHash);
    user.setMustChangePassword(mustChangePassword);
    user.setChangedAt(at);
    return StaffAccount.of(users.saveAndFlush(user));
  }

  /** The account as it will be: every field of {@code changed} replaces the stored one. */
  @Transactional
  public StaffAccount updateAccount(StaffAccount changed, Instant at) {
    StaffUser user = users.findByUsername(changed.username()).orElseThrow(
        () -> new NotFoundException("no staff user " + changed.username()));
    user.setDisplayName(changed.displayName());
    user.setEmail(changed.email());
    user.setRole(changed.role());
    user.getTeams().clear();
    user.getTeams().addAll(changed.teams());
    user.setActive(changed.active());
    user.setChangedAt(at);
    return StaffAccount.of(users.saveAndFlush(user));
  }

  /** A new password hash; {@code mustChangePassword} when an administrator set it for the user. */
  @Transactional
  public void setPassword(String username, String passwordHash, boolean mustChangePassword, Instant at) {
    StaffUser user = users.findByUsername(username).orElseThrow(
        () -> new NotFoundException("no staff user " + username));
    user.setPasswordHash(passwordHash);
    user.setMustChangePassword(mustChangePassword);
    user.setChangedAt(at);
    users.saveAndFlush(user);
  }

  @Transactional
  public Team saveTeam(String code, String name, boolean active) {
    Team team = teams.findByCode(code).orElseGet(() -> new Team(code, name));
    team.setName(name);
    team.setActive(active);
    return teams.saveAndFlush(team);
  }
}
