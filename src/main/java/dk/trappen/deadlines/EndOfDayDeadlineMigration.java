package dk.trappen.deadlines;

import dk.trappen.common.ProcessVariables;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the deadlines opened before deadlines counted in days ran out at the end of their last day (issue 20) to the
 * rules as they now read, once per installation, at start-up after the engine is up. No legal clock restarts: the
 * anchor ({@code anchor_at}) and {@code created_at} stay; only the due time and what follows from it move.
 *
 * <p>For every open register row (not met, not cancelled) of a kind counted in working days, a calendar period or a
 * birthday (hour rules stay exact):
 * <ul>
 *   <li>the new due time: recomputed from the stored anchor for working days (the yearly closing days now count) and
 *       birthday kinds (the anchor is the start of the birth date; the youth plan now runs 3 months past the 16th
 *       birthday); for a period, the end of the local day of the old due time (a later follow-up's interval was
 *       decided at the first follow-up and is not on the row), so the period counted is the one counted then;</li>
 *   <li>the row's {@code due_at}, {@code at_risk_from} (the new due less the rule's window) and {@code rule_text}; a
 *       row escalated already keeps its escalation, and is missed only if its new due time has passed; an escalated
 *       row not yet at the head gets its second tier recomputed from its escalation;</li>
 *   <li>in the engine: the boundary timer job of the row's execution that carries the old due time
 *       ({@link ManagementService#setJobDuedate}), the task's due date ({@link TaskService#saveTask}) and the
 *       execution-local {@code deadlineDue}, each only where it still holds the old due time.</li>
 * </ul>
 * Runs in one transaction that first inserts its row into {@code deadline_migration}: of two nodes starting together
 * only the one whose insert succeeds migrates. Idempotent besides: a row already at its new due time is left alone.
 * Logs how many rows, timers and tasks moved, never who the cases are about.
 */
@Slf4j
@Component
class EndOfDayDeadlineMigration implements ApplicationRunner {

  static final String NAME = "end-of-day-deadlines";

  /** What one run moved. */
  record Moved(int rows, int headTimes, int timers, int tasks) {
  }

  private final DeadlineRepository repository;
  private final DeadlineRules rules;
  private final ManagementService management;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate transactions;

  EndOfDayDeadlineMigration(DeadlineRepository repository, DeadlineRules rules, ManagementService management,
      TaskService tasks, RuntimeService runtime, JdbcTemplate jdbc, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.rules = rules;
    this.management = management;
    this.tasks = tasks;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void run(ApplicationArguments args) {
    runOnce();
  }

  /** Runs the migration unless it ran on this installation already; whether this call ran it. */
  boolean runOnce() {
    Integer done = jdbc.queryForObject("select count(*) from deadline_migration where name = ?", Integer.class, NAME);
    if (done != null && done > 0) {
      return false;
    }
    Moved moved;
    try {
      moved = transactions.execute(tx -> {
        jdbc.update("insert into deadline_migration (name, ran_at, rows_moved, head_moved, timers_moved, tasks_moved)"
            + " values (?, ?, 0, 0, 0, 0)", NAME, Timestamp.from(clock.instant()));
        Moved m = migrate(null);
        jdbc.update("update deadline_migration set rows_moved = ?, head_moved = ?, timers_moved = ?, tasks_moved = ?"
            + " where name = ?", m.rows(), m.headTimes(), m.timers(), m.tasks(), NAME);
        return m;
      });
    } catch (DataIntegrityViolationException e) {
      log.info("Deadlines to the end of their last day: migrated by another node starting at the same time");
      return false;
    }
    log.info("Deadlines to the end of their last day: {} open register rows moved ({} times at the head), {} timers"
        + " and {} tasks", moved.rows(), moved.headTimes(), moved.timers(), moved.tasks());
    return true;
  }

  /**
   * Moves the open deadlines (of these cases only; null: of all cases) to their new due times, in the caller's
   * transaction (or each step in its own, outside one). Returns what moved; a second call moves nothing.
   */
  Moved migrate(Collection<Long> caseIds) {
    int rows = 0;
    int heads = 0;
    int timers = 0;
    int taskCount = 0;
    Instant now = clock.instant();
    for (Deadline row : repository.findAllOpen()) {
      if (caseIds != null && !caseIds.contains(row.getCaseId())) {
        continue;
      }
      heads += moveHeadTime(row);
      DeadlineRule rule = rules.rule(row.getKind());
      Instant oldDue = row.getDueAt();
      DeadlineRules.Computed computed = newDue(row, rule);
      if (computed == null || computed.due().toInstant().equals(oldDue)) {
        continue;
      }
      Instant newDue = computed.due().toInstant();
      if (oldDue.equals(row.getLegalDueAt())) {
        // never extended: the legal due time is the computed one, and moves with it (V23 set it to due_at)
        row.setLegalDueAt(newDue);
      }
      row.setDueAt(newDue);
      row.setAtRiskFrom(computed.atRiskFrom().toInstant());
      row.setRuleText(computed.ruleText());
      if (row.getMissedAt() != null) {
        row.setMissedAt(DueTime.passed(newDue, now) ? newDue : null);
      }
      repository.save(row);
      rows++;
      timers += moveTimers(row.getExecutionId(), oldDue, newDue);
      taskCount += moveTasks(row.getExecutionId(), oldDue, newDue);
    }
    return new Moved(rows, heads, timers, taskCount);
  }

  /**
   * The row computed by the rules as they now read; null for an hour rule (it stays exact) and for a planned-end
   * review (a kind that came with the end-of-day rules: its rows already end with their day).
   */
  private DeadlineRules.Computed newDue(Deadline row, DeadlineRule rule) {
    return switch (rule.shape()) {
      case DURATION, PLANNED_END -> null;
      case WORKING_DAYS -> rules.compute(row.getKind(), row.getAnchorAt(), null);
      case BIRTHDAY -> rules.computeForBirthDate(row.getKind(), row.getAnchorAt().atZone(rules.zone()).toLocalDate());
      case PERIOD -> {
        LocalDate lastDay = row.getDueAt().atZone(rules.zone()).toLocalDate();
        ZonedDateTime due = DeadlineRule.endOfDay(lastDay, rules.zone());
        String text = row.getRuleText() != null && row.getRuleText().startsWith("by the end of") ? row.getRuleText()
            : "by the end of the day " + row.getRuleText();
        yield new DeadlineRules.Computed(row.getKind(), row.getAnchorAt().atZone(rules.zone()), due,
            due.minus(rule.atRisk()), due, text, row.getBasis());
      }
    };
  }

  /** An escalated row not yet at the head: its second tier as it now reads (0 or 1). */
  private int moveHeadTime(Deadline row) {
    if (row.getEscalatedAt() == null || row.getHeadDueAt() == null || row.getHeadEscalatedAt() != null) {
      return 0;
    }
    Instant head = rules.headDueAfter(row.getKind(), row.getEscalatedAt());
    if (head.equals(row.getHeadDueAt())) {
      return 0;
    }
    row.setHeadDueAt(head);
    repository.save(row);
    return 1;
  }

  private int moveTimers(String executionId, Instant oldDue, Instant newDue) {
    int moved = 0;
    for (Job job : management.createJobQuery().executionId(executionId).timers().list()) {
      if (job.getDuedate() != null && sameMillis(job.getDuedate(), oldDue)) {
        management.setJobDuedate(job.getId(), Date.from(newDue));
        moved++;
      }
    }
    return moved;
  }

  private int moveTasks(String executionId, Instant oldDue, Instant newDue) {
    int moved = 0;
    for (Task task : tasks.createTaskQuery().executionId(executionId).list()) {
      if (task.getDueDate() != null && sameMillis(task.getDueDate(), oldDue)) {
        task.setDueDate(Date.from(newDue));
        tasks.saveTask(task);
        moved++;
      }
    }
    if (runtime.createExecutionQuery().executionId(executionId).count() > 0
        && runtime.getVariableLocal(executionId, ProcessVariables.DEADLINE_DUE) instanceof Date due
        && sameMillis(due, oldDue)) {
      runtime.setVariableLocal(executionId, ProcessVariables.DEADLINE_DUE, Date.from(newDue));
    }
    return moved;
  }

  private static boolean sameMillis(Date date, Instant instant) {
    return date.toInstant().equals(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
