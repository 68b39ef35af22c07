package dk.trappen.reassignment;

import dk.trappen.audit.AuditAction;
import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import dk.trappen.tasks.TaskAssignments;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A team leader moves work within the team, for the oversight page and the API alike. The policy runs first and
 * refuses with every problem at once; then the whole request runs in one transaction (all of it moves or nothing
 * does): another team's task or case is not found (the refusal is recorded with the case), and a race with another
 * change of a task is a conflict. Each move is audited once it is stored.
 */
@Service
class ReassignmentService {

  private final ReassignmentPolicy policy;
  private final TaskAssignments assignments;
  private final CaseService cases;
  private final CaseAccess access;
  private final OrgService org;

  ReassignmentService(ReassignmentPolicy policy, TaskAssignments assignments, CaseService cases, CaseAccess access,
      OrgService org) {
    this.org = org;
    this.policy = policy;
    this.assignments = assignments;
    this.cases = cases;
    this.access = access;
  }

  /** Gives the tasks to a caseworker of the leader's team, or back to the team's group. */
  Reassigned reassignTasks(TaskReassignment request, StaffMember leader) {
    requireLeader(leader);
    refuseIfAny(policy.check(request, leader.teams()));
    List<String> ids = request.taskIds().stream().distinct().toList();
    String holder = request.holder();
    String holderTeam = holder == null ? null : teamOf(holder);
    List<TaskAssignments.Moved> moved = assignments.inOneTransaction(ids, leader, () -> {
      List<TaskAssignments.Moved> done = new ArrayList<>();
      for (String id : ids) {
        TaskAssignments.Moved m = assignments.reassign(id, holder, leader);
        if (holder != null) {
          // a leader of several teams: the task stays in its case's team (the whole request rolls back otherwise)
          ReassignmentPolicy.sameTeam(holder, "assignee", holderTeam, cases.get(m.caseNumber()).teamCode());
        }
        done.add(m);
      }
      return done;
    });
    for (TaskAssignments.Moved m : moved) {
      access.record(leader, m.caseId(), m.caseNumber(), AuditAction.WRITE, "reassign task: " + m.kind() + " to "
          + (holder == null ? "the team" : holder));
    }
    return new Reassigned(moved.stream().map(TaskAssignments.Moved::taskId).toList(), holder, moved.size());
  }

  /**
   * Gives the cases to a caseworker of the leader's team: each case's caseworker changes and the open tasks its
   * previous caseworker held move with it.
   */
  Reassigned reassignCases(CaseReassignment request, StaffMember leader) {
    requireLeader(leader);
    refuseIfAny(policy.check(request, leader.teams()));
    String holderTeam = teamOf(request.caseworker());
    List<String> numbers = request.caseNumbers().stream().distinct().toList();
    String to = request.caseworker();
    record Done(CaseRef c, int tasks) {
    }
    List<Done> moved = assignments.inOneTransaction(List.of(), leader, () -> {
      List<Done> done = new ArrayList<>();
      for (String n : numbers) {
        CaseRef c = cases.get(n);
        if (!leader.covers(c.teamCode())) {
          access.recordRefusal(leader, c, "reassign case", CaseAccess.OTHER_TEAM);
          throw new NotFoundException("no case " + n);
        }
        ReassignmentPolicy.sameTeam(to, "caseworker", holderTeam, c.teamCode());
        cases.assignCaseworker(c.id(), to);
        done.add(new Done(c, assignments.moveOpenTasks(c.caseNumber(), c.caseworker(), to)));
      }
      return done;
    });
    for (Done d : moved) {
      access.record(leader, d.c().id(), d.c().caseNumber(), AuditAction.WRITE, "reassign case to " + to);
    }
    return new Reassigned(moved.stream().map(d -> d.c().caseNumber()).toList(), to,
        moved.stream().mapToInt(Done::tasks).sum());
  }

  /** The team of a caseworker the policy has checked. */
  private String teamOf(String caseworker) {
    return org.member(caseworker).map(StaffMember::teamCode).orElseThrow();
  }

  private static void requireLeader(StaffMember user) {
    if (user.role() != Role.TEAM_LEADER) {
      throw new AccessDeniedException("only a team leader reassigns work");
    }
  }

  private static void refuseIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }
}
