package dk.trappen.tasks;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ProcessVariables;
import dk.trappen.org.OrgService;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new task to the person who has the case: a team's follow-on task (candidate group {@code team-<code>})
 * goes to the case's caseworker while they are an active caseworker of the case's team. A task with no caseworker to
 * go to stays with the team (the case shows as "Ikke fordelt" on the team leader's overview), as do the team leaders'
 * tasks, intake's tasks and a task whose kind says someone else must do it ({@link TaskHandler#goesToCaseworker()}).
 * Runs inside the engine's command that creates the task, so the task is never visible unassigned.
 */
@Slf4j
@Component
class TaskRouting {

  private final CaseService cases;
  private final OrgService staff;
  private final Map<String, TaskHandler<?>> handlers;

  TaskRouting(CaseService cases, OrgService staff, java.util.List<TaskHandler<?>> handlers) {
    this.cases = cases;
    this.staff = staff;
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::taskKey, Function.identity()));
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getAssignee() != null) {
      return;
    }
    TaskHandler<?> handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null || !handler.goesToCaseworker() || !forATeam(task)) {
      return;
    }
    caseworkerOf(task).ifPresent(task::setAssignee);
  }

  /** Whether the task is offered to a team's caseworkers (not to intake, not only to the team leaders). */
  private static boolean forATeam(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && link.getGroupId().startsWith(ProcessVariables.teamGroup(""))) {
        return true;
      }
    }
    return false;
  }

  /** The case's caseworker, if they are still an active caseworker of the case's team. */
  private Optional<String> caseworkerOf(DelegateTask task) {
    if (!(task.getVariable(ProcessVariables.CASE_ID) instanceof Number caseId)) {
      return Optional.empty();
    }
    CaseRef c = cases.get(caseId.longValue());
    if (c.caseworker() == null) {
      return Optional.empty();
    }
    boolean active = staff.caseworkers(c.teamCode()).stream().anyMatch(m -> m.username().equals(c.caseworker()));
    if (!active) {
      log.debug("Task {} of case {} stays with the team: its caseworker is no longer an active caseworker of {}",
          task.getTaskDefinitionKey(), c.caseNumber(), c.teamCode());
      return Optional.empty();
    }
    return Optional.of(c.caseworker());
  }
}
