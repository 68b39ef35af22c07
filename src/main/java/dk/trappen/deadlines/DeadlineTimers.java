package dk.trappen.deadlines;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine in step with a register row whose due time moved ({@link DeadlineExtensions}), in the caller's
 * transaction: the boundary timer jobs of the deadline's execution (the guarded task's own scope execution, which
 * holds only its deadline timers), the guarded task's due date and the execution's local {@code deadlineDue} variable
 * (the input mapping the timer and due date were computed from). A timer that has fired already (an escalated
 * deadline) is gone: nothing moves it, and the escalation to the team leader is not repeated.
 */
@Slf4j
@Component
class DeadlineTimers {

  /** The task-local variable the guarded task's timer and due date read (see {@link DeadlineProcessGlue}). */
  static final String DEADLINE_DUE = "deadlineDue";

  private final ManagementService management;
  private final TaskService tasks;
  private final RuntimeService runtime;

  DeadlineTimers(ManagementService management, TaskService tasks, RuntimeService runtime) {
    this.management = management;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** Moves the timers, the task's due date and {@code deadlineDue} of the execution to {@code dueAt}. */
  void moveTo(String executionId, Instant dueAt) {
    Date due = Date.from(dueAt);
    for (Job timer : timers(executionId)) {
      if (timer.isSuspended()) {
        management.updateJobSuspensionState().byJobId(timer.getId()).activate();
      }
      management.setJobDuedate(timer.getId(), due);
    }
    for (Task task : tasks.createTaskQuery().executionId(executionId).list()) {
      task.setDueDate(due);
      tasks.saveTask(task);
    }
    if (runtime.createExecutionQuery().executionId(executionId).count() > 0) {
      runtime.setVariableLocal(executionId, DEADLINE_DUE, due);
    }
  }

  /** Stops the timers of the execution (a pause): a suspended job does not fire. The task keeps its due date. */
  void stop(String executionId) {
    for (Job timer : timers(executionId)) {
      if (!timer.isSuspended()) {
        management.updateJobSuspensionState().byJobId(timer.getId()).suspend();
      }
    }
  }

  private List<Job> timers(String executionId) {
    List<Job> timers = management.createJobQuery().executionId(executionId).timers().list();
    if (timers.isEmpty()) {
      log.debug("No timer on execution {}: it fired already (escalated) or was never created", executionId);
    }
    return timers;
  }
}
