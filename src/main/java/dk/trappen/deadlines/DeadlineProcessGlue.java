package dk.trappen.deadlines;

import static dk.trappen.common.ProcessVariables.AWARE_AT;
import static dk.trappen.common.ProcessVariables.CASE_ID;
import static dk.trappen.common.ProcessVariables.CHILD_BIRTH_DATE;
import static dk.trappen.common.ProcessVariables.CONCERN_RAISED_AT;
import static dk.trappen.common.ProcessVariables.DONE_AT;
import static dk.trappen.common.ProcessVariables.FIRST_INTERVENTION_STARTED_AT;
import static dk.trappen.common.ProcessVariables.FOLLOW_UP_INTERVAL;
import static dk.trappen.common.ProcessVariables.INTERVENTION_DECIDED_AT;
import static dk.trappen.common.ProcessVariables.LAST_FOLLOW_UP_AT;
import static dk.trappen.common.ProcessVariables.LAST_MEETING_AT;
import static dk.trappen.common.ProcessVariables.RECEIVED_AT;
import static dk.trappen.common.ProcessVariables.REVIEWED_PLANNED_END;
import static dk.trappen.common.ProcessVariables.TEAM_CODE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The deadlines' process glue, the bean {@code deadlines} of the BPMN files: it reads the execution (ids and the
 * anchor variables, {@link DeadlineAnchors}) and calls {@link DeadlineRegister} with plain values. Nothing else in
 * this feature knows Camunda's delegate types.
 *
 * <p>A guarded user task opens its deadline explicitly. Camunda starts a task with a boundary timer in this order:
 * input mappings, then the boundary timers, then the start listeners. So each guarded task has
 * <ul>
 *   <li>an input mapping {@code deadlineDue = ${deadlines.dueDate(execution, 'KIND')}}: the due time computed from
 *       the rules and the anchors, a task-local variable; it writes nothing;</li>
 *   <li>a boundary timer {@code ${deadlineDue}} and a task due date {@code ${deadlineDue}}: they only read it;</li>
 *   <li>a start execution listener {@code ${deadlines.open(execution, 'KIND')}}: opens the register row on the task's
 *       own execution, with the same due time.</li>
 * </ul>
 * A task whose deadline's at-risk time starts further work (the investigation opens the interim assessment then)
 * also maps {@code deadlineAtRisk = ${deadlines.atRiskDate(execution, 'KIND')}}, read by a second non-interrupting
 * boundary timer.
 * A completed task meets its deadlines and a task deleted with its scope (the case closed, or the investigation
 * finished before its interim assessment) cancels them
 * ({@link #onTaskEvent}, through Camunda's Spring eventing bridge). The escalation service tasks call
 * {@link #escalate}; the age clocks' gateways and timers call {@link #ahead}, {@link #opens} and {@link #birthday}.
 *
 * <p><b>Definitions deployed before this version.</b> Process instances that run on an older deployed version of
 * {@code youth-case} or {@code notification-acknowledgement} keep their version and its expressions: their timers and
 * task due dates call {@link #due}, which still opens the row on its first call and returns the same row after, as
 * it always did. Timers created before the upgrade keep the due time stored in their job. Keep {@link #due} until no
 * instance of such a version runs (Cockpit, or a process-definition query for versions deployed before this one).
 * Migrating such an instance to this version works with {@code mapEqualActivities()}; leave out
 * {@code updateEventTriggers()} for it: re-evaluating a timer would read a {@code deadlineDue} that the older version
 * never set, and the engine refuses the whole migration (it changes nothing). Instances on this version or later can
 * be migrated with {@code updateEventTriggers()}: the task's {@code deadlineDue} moves with its execution, so a
 * re-evaluated timer keeps its due time.
 */
@Component("deadlines")
public class DeadlineProcessGlue {

  private final DeadlineRegister register;

  DeadlineProcessGlue(DeadlineRegister register) {
    this.register = register;
  }

  /** Input mapping of a guarded task: the due time of its deadline of {@code kind}; opens nothing. */
  public Date dueDate(DelegateExecution execution, String kind) {
    return Date.from(register.dueAt(DeadlineKind.valueOf(kind), anchors(execution)));
  }

  /**
   * Input mapping beside {@link #dueDate}: when the task's deadline of {@code kind} turns at risk (its due time less
   * its at-risk window); opens nothing. The investigation's second boundary timer reads it to open the interim
   * assessment.
   */
  public Date atRiskDate(DelegateExecution execution, String kind) {
    return Date.from(register.atRiskAt(DeadlineKind.valueOf(kind), anchors(execution)));
  }

  /** Start listener of a guarded task: opens its deadline of {@code kind} in the register. */
  public void open(DelegateExecution execution, String kind) {
    register.open(guarded(execution), DeadlineKind.valueOf(kind), anchors(execution));
  }

  /**
   * The timers and task due dates of definitions deployed before the explicit opening: opens the deadline on the first
   * call for this execution and returns the open row's due time after (see the class comment).
   *
   * @deprecated only for process instances still running on such a version; new versions use {@link #dueDate} and
   *     {@link #open}
   */
  @Deprecated
  public Date due(DelegateExecution execution, String kind) {
    return Date.from(register.open(guarded(execution), DeadlineKind.valueOf(kind), anchors(execution)));
  }

  /** Escalation service task after a deadline timer fired. */
  public void escalate(DelegateExecution execution, String kind) {
    register.escalate(execution.getProcessInstanceId(), DeadlineKind.valueOf(kind));
  }

  /**
   * When the task of a deadline with a lead opens: a birthday deadline's due time less the lead, or the start of the
   * day the lead before an intervention's planned end ({@code PLANNED_END_REVIEW}).
   */
  public Date opens(DelegateExecution execution, String kind) {
    return Date.from(register.opensAt(DeadlineKind.valueOf(kind), anchors(execution)));
  }

  /** Whether a birthday deadline still lies ahead (the age clock applies to this child). */
  public boolean ahead(DelegateExecution execution, String kind) {
    return register.ahead(DeadlineKind.valueOf(kind), ProcessClocks.birthDate(anchors(execution)));
  }

  /** The start of the child's Nth birthday (the 18th-birthday closure timer). */
  public Date birthday(DelegateExecution execution, int years) {
    return Date.from(register.birthday(ProcessClocks.birthDate(anchors(execution)), years));
  }

  /** Keeps the register in step with the tasks the deadlines guard. */
  @EventListener
  public void onTaskEvent(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_COMPLETE -> register.meet(task.getExecutionId(), task.getAssignee(),
          task.getVariable(DONE_AT) instanceof Date done ? done.toInstant() : null);
      case TaskListener.EVENTNAME_DELETE -> register.cancel(task.getExecutionId());
      default -> { }
    }
  }

  // ---- reading the execution

  private static GuardedActivity guarded(DelegateExecution execution) {
    Object caseId = execution.getVariable(CASE_ID);
    if (!(caseId instanceof Number number)) {
      throw new IllegalStateException("process variable " + CASE_ID + " is missing or not a number: " + caseId);
    }
    return new GuardedActivity(number.longValue(), execution.getProcessBusinessKey(),
        (String) execution.getVariable(TEAM_CODE), execution.getProcessInstanceId(), execution.getId(),
        execution.getCurrentActivityId());
  }

  static DeadlineAnchors anchors(VariableScope scope) {
    Object interval = scope.getVariable(FOLLOW_UP_INTERVAL);
    Object birthDate = scope.getVariable(CHILD_BIRTH_DATE);
    Object plannedEnd = scope.getVariable(REVIEWED_PLANNED_END);
    return new DeadlineAnchors(instant(scope, RECEIVED_AT), instant(scope, AWARE_AT),
        instant(scope, INTERVENTION_DECIDED_AT), instant(scope, FIRST_INTERVENTION_STARTED_AT),
        instant(scope, LAST_FOLLOW_UP_AT), interval == null ? null : Period.parse(interval.toString()),
        instant(scope, LAST_MEETING_AT), instant(scope, CONCERN_RAISED_AT),
        birthDate == null ? null : LocalDate.parse(birthDate.toString()),
        plannedEnd == null ? null : LocalDate.parse(plannedEnd.toString()));
  }

  private static Instant instant(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new IllegalStateException("process variable " + name + " is missing or not a date: " + value);
  }
}
