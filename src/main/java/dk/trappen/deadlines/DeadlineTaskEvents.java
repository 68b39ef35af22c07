package dk.trappen.deadlines;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the register in step with the tasks the deadlines guard (via Camunda's Spring eventing bridge): a completed
 * task meets its deadlines; a task deleted with its scope (the case closed) cancels them.
 */
@Component
class DeadlineTaskEvents {

  private final DeadlineRegister register;

  DeadlineTaskEvents(DeadlineRegister register) {
    this.register = register;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_COMPLETE -> register.meet(task.getExecutionId(), task.getAssignee());
      case TaskListener.EVENTNAME_DELETE -> register.cancel(task.getExecutionId());
      default -> { }
    }
  }
}
