package dk.trappen.tasks;

import dk.trappen.audit.AuditAction;
import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A team leader moves work within the team: a task to one of the team's caseworkers (or back to the group), or a case
 * with the open tasks its previous caseworker held. Each move runs in its own transaction, is audited, and a race with
 * another change of the task is answered as a conflict ({@link TaskRaces}); another team's case or task is refused
 * as not found, and the refusal is recorded.
 */
@Service
public class TeamReassignment {

  private final CaseTaskService tasks;
  private final org.camunda.bpm.engine.TaskService engineTasks;
  private final CaseService cases;
  private final OrgService org;
  private final CaseAccess access;
  private final TaskRaces races;
  private final TransactionTemplate transactions;

  TeamReassignment(CaseTaskService tasks, org.camunda.bpm.engine.TaskService engineTasks, CaseService cases,
      OrgService org, CaseAccess access, TaskRaces races, PlatformTransactionManager transactionManager) {
    this.tasks = tasks;
    this.engineTasks = engineTasks;
    this.cases = cases;
    this.org = org;
    this.access = access;
    this.races = races;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * A team leader gives a task of their team to one of the team's caseworkers (or back to the group with null).
   */
  public void reassignTask(String taskId, String caseworker, StaffMember leader) {
    requireLeader(leader);
    races.settle(taskId, leader, () -> transactions.execute(s -> {
      reassignTaskInTransaction(taskId, caseworker, leader);
      return null;
    }));
  }

  private void reassignTaskInTransaction(String taskId, String caseworker, StaffMember leader) {
    Task task = tasks.visibleTask(taskId, leader, "reassign task");
    if (caseworker != null) {
      requireCaseworkerOf(leader.teamCode(), caseworker);
    }
    engineTasks.setAssignee(task.getId(), caseworker);
    TaskContext context = tasks.context(task, leader);
    access.record(leader, context.caseId(), context.caseNumber(), AuditAction.WRITE, "reassign task: "
        + tasks.handler(task).kind() + " to " + (caseworker == null ? "the team" : caseworker));
  }

  /**
   * A team leader gives a case of their team to another caseworker: the case's caseworker changes and the open tasks
   * the previous caseworker held move with it.
   */
  public void reassignCase(String caseNumber, String caseworker, StaffMember leader) {
    requireLeader(leader);
    races.settle(null, leader, () -> transactions.execute(s -> {
      reassignCaseInTransaction(caseNumber, caseworker, leader);
      return null;
    }));
  }

  private void reassignCaseInTransaction(String caseNumber, String caseworker, StaffMember leader) {
    dk.trappen.cases.CaseRef c = cases.get(caseNumber);
    if (!c.teamCode().equals(leader.teamCode())) {
      access.recordRefusal(leader, c, "reassign case", CaseAccess.OTHER_TEAM);
      throw new NotFoundException("no case " + caseNumber);
    }
    requireCaseworkerOf(leader.teamCode(), caseworker);
    String previous = c.caseworker();
    cases.assignCaseworker(c.id(), caseworker);
    for (TaskView t : tasks.tasksOfCase(caseNumber)) {
      if (previous != null && previous.equals(t.assignee())) {
        engineTasks.setAssignee(t.id(), caseworker);
      }
    }
    access.record(leader, c.id(), c.caseNumber(), AuditAction.WRITE, "reassign case to " + caseworker);
  }

  private static void requireLeader(StaffMember user) {
    if (user.role() != Role.TEAM_LEADER) {
      throw new org.springframework.security.access.AccessDeniedException("only a team leader reassigns work");
    }
  }

  private void requireCaseworkerOf(String team, String username) {
    boolean ok = org.caseworkers(team).stream().anyMatch(m -> m.username().equals(username));
    if (!ok) {
      throw InvalidInputException.of("assignee", "problem.tasks.notCaseworkerOfTeam", username, team);
    }
  }
}
