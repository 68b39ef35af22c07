package dk.trappen.reassignment;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rule of a reassignment, for the page and the API alike: something is chosen (at most
 * {@value #MAX_AT_ONCE} at once, no empty entry), and whoever receives the work is a caseworker of the leader's team
 * (a task may also go back to the team's group). Every problem is returned at once; none means the request may run.
 * Whether each task or case belongs to the team is checked where it is read (not found, and the refusal recorded).
 */
@Component
class ReassignmentPolicy {

  /** The most tasks or cases one request moves (one transaction). */
  static final int MAX_AT_ONCE = 200;

  static final String NO_TASKS = "problem.reassignment.noTasks";
  static final String NO_CASES = "problem.reassignment.noCases";
  static final String NO_CASEWORKER = "problem.reassignment.noCaseworker";
  static final String TOO_MANY = "problem.reassignment.tooMany";
  static final String NOT_CASEWORKER = "problem.tasks.notCaseworkerOfTeam";

  private final OrgService org;

  ReassignmentPolicy(OrgService org) {
    this.org = org;
  }

  List<Problem> check(TaskReassignment request, List<String> teams) {
    List<Problem> problems = new ArrayList<>();
    chosen(request.taskIds(), "taskIds", NO_TASKS, problems);
    if (request.holder() != null) {
      caseworker(request.holder(), "assignee", teams, problems);
    }
    return problems;
  }

  List<Problem> check(CaseReassignment request, List<String> teams) {
    List<Problem> problems = new ArrayList<>();
    chosen(request.caseNumbers(), "caseNumbers", NO_CASES, problems);
    if (request.caseworker() == null || request.caseworker().isBlank()) {
      problems.add(Problem.of("caseworker", NO_CASEWORKER));
    } else {
      caseworker(request.caseworker(), "caseworker", teams, problems);
    }
    return problems;
  }

  private static void chosen(List<String> ids, String field, String none, List<Problem> problems) {
    if (ids == null || ids.isEmpty()) {
      problems.add(Problem.of(field, none));
      return;
    }
    if (ids.size() > MAX_AT_ONCE) {
      problems.add(Problem.of(field, TOO_MANY, MAX_AT_ONCE));
    }
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null || ids.get(i).isBlank()) {
        problems.add(Problem.of(field + "[" + i + "]", "problem.required"));
      }
    }
  }

  /** The holder must be an active caseworker of one of the leader's teams. */
  private void caseworker(String username, String field, List<String> teams, List<Problem> problems) {
    if (teams.stream().noneMatch(team -> org.caseworkers(team).stream().anyMatch(m -> m.username().equals(username)))) {
      problems.add(Problem.of(field, NOT_CASEWORKER, username, String.join(", ", teams)));
    }
  }

  /** Work of {@code caseTeam} goes only to a caseworker of that team. */
  static void sameTeam(String username, String field, String holderTeam, String caseTeam) {
    if (!caseTeam.equals(holderTeam)) {
      throw InvalidInputException.of(field, NOT_CASEWORKER, username, caseTeam);
    }
  }
}
