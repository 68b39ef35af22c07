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
 * transaction: the boundary timer jobs of the deadline's execution (the guarded task's own scope execution: its
 * deadline timer, and on the investigation the at-risk timer that opens the interim assessment), the guarded task's due date and the execution's local {@code deadlineDue} variable
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

  /**
   * Moves the deadline of the execution from {@code oldDue} to {@code newDue}: its boundary timer (the one due at
   * {@code oldDue}) to the new due time, any other timer on the task by the same amount (the investigation's at-risk
   * timer, which opens the interim assessment {@code at-risk} before the due time, stays that long before it), the
   * task's due date and {@code deadlineDue}. Suspended timers (a pause) run again.
   */
  void moveTo(String executionId, Instant oldDue, Instant newDue) {
    Date due = Date.from(newDue);
    java.time.Duration shift = java.time.Duration.between(oldDue, newDue);
    for (Job timer : timers(executionId)) {
      if (timer.isSuspended()) {
        management.updateJobSuspensionState().byJobId(timer.getId()).activate();
      }
      boolean deadlineTimer = timer.getDuedate() == null || timer.getDuedate().getTime() == oldDue.toEpochMilli();
      management.setJobDuedate(timer.getId(), deadlineTimer ? due
          : Date.from(timer.getDuedate().toInstant().plus(shift)));
    }
    for (Task task : tasks.createTaskQuery().executionId(executionId).list()) {
      task.setDueDate(due);
      tasks.saveTask(task);
    }
    if (runtime.createExecutionQuery().executionId(executionId).count() > 0) {
      runtime.setVariableLocal(executionId, DEADLINE_DUE, due);
    }
  }

  /**
   * Stops the timers of the execution (a pause): a suspended job does not fire, neither the deadline's nor the
   * investigation's at-risk timer (a paused investigation does not open its interim assessment). The task keeps its
   * due date.
   */
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
