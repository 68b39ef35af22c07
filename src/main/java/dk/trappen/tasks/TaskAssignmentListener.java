package dk.trappen.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Process glue: keeps {@link TaskAssignmentLog} in step with who holds each task. A task created with an assignee
 * (routed to its caseworker by {@link TaskRoutingListener}, which runs first), every assignment event (claim,
 * reassignment, hand-back to the group) and the task's end (completed or deleted) are recorded inside the engine's
 * command.
 */
@Component
class TaskAssignmentListener {

  private final TaskAssignmentLog log;

  TaskAssignmentListener(TaskAssignmentLog log) {
    this.log = log;
  }

  @EventListener
  @Order(TaskRoutingListener.ORDER + 1)
  public void onTaskEvent(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> {
        if (task.getAssignee() != null) {
          log.assigned(task.getId(), task.getAssignee());
        }
      }
      case TaskListener.EVENTNAME_ASSIGNMENT -> log.assigned(task.getId(), task.getAssignee());
      case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> log.ended(task.getId());
      default -> { }
    }
  }
}
