package dk.trappen.tasks;

import dk.trappen.common.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Process glue: when the engine creates a task nobody holds, asks {@link TaskRouting} who it goes to and assigns it,
 * inside the command that creates it, so the task is never visible unassigned.
 */
@Component
class TaskRoutingListener {

  /** Before the other task listeners: they see the task with the holder it was routed to. */
  static final int ORDER = 0;

  private final TaskRouting routing;

  TaskRoutingListener(TaskRouting routing) {
    this.routing = routing;
  }

  @EventListener
  @Order(ORDER)
  public void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getAssignee() != null) {
      return;
    }
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
    Long caseId = task.getVariable(ProcessVariables.CASE_ID) instanceof Number n ? n.longValue() : null;
    routing.holderOf(task.getTaskDefinitionKey(), groups, caseId).ifPresent(task::setAssignee);
  }
}
