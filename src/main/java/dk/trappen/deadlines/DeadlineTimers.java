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
 * transaction: the deadline's boundary timer on its execution (the guarded task's own scope execution; the timer due
 * at the row's due time, not the investigation's at-risk timer beside it), the guarded task's due date and the execution's local {@code deadlineDue} variable
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
   * {@code oldDue}; a suspended one, of a pause, runs again), the task's due date and {@code deadlineDue}. Other timers
   * on the task stay: the investigation's at-risk timer opens the interim assessment when the legal 4 months are
   * about to run out (Barnets Lov § 20, stk. 3), extended or not.
   */
  void moveTo(String executionId, Instant oldDue, Instant newDue) {
    Date due = Date.from(newDue);
    for (Job timer : timers(executionId, oldDue)) {
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

  /**
   * Stops the deadline's timer (a pause): a suspended job does not fire. The task keeps its due date; other timers on
   * the task (the investigation's at-risk timer) run on, as the law's clock does.
   */
  void stop(String executionId, Instant dueAt) {
    for (Job timer : timers(executionId, dueAt)) {
      if (!timer.isSuspended()) {
        management.updateJobSuspensionState().byJobId(timer.getId()).suspend();
      }
    }
  }

  /** The deadline's boundary timer on the execution: the timer due at the deadline's due time. */
  private List<Job> timers(String executionId, Instant dueAt) {
    List<Job> timers = management.createJobQuery().executionId(executionId).timers().list().stream()
        .filter(j -> j.getDuedate() != null && j.getDuedate().getTime() == dueAt.toEpochMilli())
        .toList();
    if (timers.isEmpty()) {
      log.debug("No timer due at {} on execution {}: it fired already (escalated) or was never created", dueAt,
          executionId);
    }
    return timers;
  }
}
