package dk.trappen.org;

import java.util.List;
import java.util.Optional;
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

  public List<StaffMember> caseworkers(String teamCode) {
    return users.findByTeamCodeAndRoleOrderByUsername(teamCode, Role.CASEWORKER).stream().map(StaffMember::of)
        .toList();
  }

  /** The team leaders of a team, by username; empty for an unknown team or a team without a leader. */
  public List<StaffMember> teamLeaders(String teamCode) {
    return users.findByTeamCodeAndRoleOrderByUsername(teamCode, Role.TEAM_LEADER).stream().map(StaffMember::of)
        .toList();
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
    if ((role == Role.CASEWORKER || role == Role.TEAM_LEADER) && (teamCode == null || !teamExists(teamCode))) {
      throw new IllegalArgumentException("teamCode: a " + role + " needs an existing team, got " + teamCode);
    }
    StaffUser user = new StaffUser();
    user.setUsername(username);
    user.setDisplayName(displayName);
    user.setRole(role);
    user.setTeamCode(teamCode);
    user.setPasswordHash(passwordHash);
    user.setDemo(demo);
    return StaffMember.of(users.save(user));
  }
}
