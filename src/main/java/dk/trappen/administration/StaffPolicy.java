package dk.trappen.administration;

import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffAccount;
import dk.trappen.org.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules of staff and team administration, for the API and the pages alike; each returns every problem at once.
 * A user name is unique; a caseworker belongs to exactly one active team, a team leader or head of department to one
 * or more, intake and administrators to none; nobody deactivates or demotes themselves, and the last active administrator stays one. A team code is
 * unique, and a team is deactivated only when no active staff user belongs to it.
 */
@Component
public class StaffPolicy {

  /** A user name: lower case letters, digits, dot, dash and underscore, starting with a letter. */
  public static final String USERNAME = "[a-z][a-z0-9._-]{1,79}";
  /** A team code: lower case letters, digits and dashes, starting with a letter. */
  public static final String TEAM_CODE = "[a-z][a-z0-9-]{1,39}";

  private final OrgService org;

  StaffPolicy(OrgService org) {
    this.org = org;
  }

  /**
   * Every problem of the account as a change would leave it: {@code before} is null for a new user, {@code actor} the
   * administrator making the change (null at first start).
   */
  public List<Problem> problems(StaffAccount before, StaffAccount after, String actor) {
    List<Problem> problems = new ArrayList<>();
    if (before == null && after.username() != null && org.account(after.username()).isPresent()) {
      problems.add(Problem.of("username", "problem.admin.username.taken", after.username()));
    }
    if (after.role() != null) {
      problems.addAll(teamsOfRole(after.role(), after.teams()));
    }
    if (before != null && before.username().equals(actor)) {
      if (!after.active()) {
        problems.add(Problem.of("active", "problem.admin.self"));
      }
      if (after.role() != Role.ADMIN) {
        problems.add(Problem.of("role", "problem.admin.self"));
      }
    } else if (before != null && before.role() == Role.ADMIN && before.active()
        && (after.role() != Role.ADMIN || !after.active()) && org.activeWithRole(Role.ADMIN) <= 1) {
      problems.add(Problem.of(after.active() ? "role" : "active", "problem.admin.lastAdministrator"));
    }
    return problems;
  }

  /** Every problem of a team as a change would leave it ({@code before} null for a new team). */
  public List<Problem> teamProblems(Team before, String code, boolean active) {
    List<Problem> problems = new ArrayList<>();
    if (before == null && code != null && org.team(code).isPresent()) {
      problems.add(Problem.of("code", "problem.admin.team.taken", code));
    }
    if (before != null && before.isActive() && !active) {
      long members = org.activeMembers(code);
      if (members > 0) {
        problems.add(Problem.of("active", "problem.admin.team.hasStaff", members));
      }
    }
    return problems;
  }

  private List<Problem> teamsOfRole(Role role, List<String> teamCodes) {
    if (!role.hasTeams()) {
      return teamCodes.isEmpty() ? List.of() : List.of(Problem.of("teams", "problem.admin.teams.notForRole", role));
    }
    if (teamCodes.isEmpty()) {
      return List.of(Problem.of("teams", "problem.admin.teams.required", role));
    }
    List<Problem> problems = new ArrayList<>();
    if (teamCodes.size() > 1 && !role.mayHaveSeveralTeams()) {
      problems.add(Problem.of("teams", "problem.admin.teams.one", teamCodes.size()));
    }
    for (String teamCode : teamCodes) {
      Optional<Team> team = org.team(teamCode);
      if (team.isEmpty()) {
        problems.add(Problem.of("teams", "problem.admin.teams.unknown", teamCode));
      } else if (!team.get().isActive()) {
        problems.add(Problem.of("teams", "problem.admin.teams.inactive", teamCode));
      }
    }
    return problems;
  }
}
