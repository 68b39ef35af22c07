package dk.trappen.deadlines;

import dk.trappen.common.ProcessVariables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The deadline register. Every deadline timer in {@code bpmn/} and the due date of the task it guards read their due
 * time from here ({@code ${deadlines.due(execution, 'KIND')}}); the first call opens the register row for that
 * execution and kind, later calls return the same row, so the timer, the task and the register always agree.
 *
 * <p>Anchors come from process variables: see {@link ProcessClocks}.
 */
@Slf4j
@Service("deadlines")
public class DeadlineRegister {

  private final DeadlineRepository repository;
  private final DeadlineRules rules;
  private final Clock clock;
  private final EscalationOutbox outbox;
  private final Map<DeadlineKind, Counter> escalations = new EnumMap<>(DeadlineKind.class);

  DeadlineRegister(DeadlineRepository repository, DeadlineRules rules, Clock clock, EscalationOutbox outbox,
      MeterRegistry meters) {
    this.repository = repository;
    this.rules = rules;
    this.clock = clock;
    this.outbox = outbox;
    for (DeadlineKind kind : DeadlineKind.values()) {
      Gauge.builder("trappen.deadlines.overdue", () -> repository.countOverdue(kind, clock.instant()))
          .description("Open deadlines past their due time")
          .tag("kind", kind.key())
          .register(meters);
      escalations.put(kind, Counter.builder("trappen.deadlines.escalated")
          .description("Deadlines missed and escalated to the team leader")
          .tag("kind", kind.key())
          .register(meters));
    }
  }

  /**
   * The due time of the deadline of {@code kind} guarding the current activity; opens the register row on the first
   * call for this execution. Used by timer definitions and task due dates.
   */
  @Transactional
  public Date due(DelegateExecution execution, String kind) {
    DeadlineKind requested = DeadlineKind.valueOf(kind);
    DeadlineKind actual = ProcessClocks.effectiveKind(requested, execution);
    return repository.findOpenOfExecution(execution.getId(), actual).stream().findFirst()
        .map(d -> Date.from(d.getDueAt()))
        .orElseGet(() -> Date.from(open(execution, actual).getDueAt()));
  }

  /** When the task of a birthday deadline opens (its due time less the configured lead). */
  public Date opens(DelegateExecution execution, String kind) {
    DeadlineKind k = DeadlineKind.valueOf(kind);
    LocalDate birthDate = ProcessClocks.birthDate(execution);
    return Date.from(rules.computeForBirthDate(k, birthDate).opensAt().toInstant());
  }

  /** Whether a birthday deadline still lies ahead (the age clock applies to this child). */
  public boolean ahead(DelegateExecution execution, String kind) {
    DeadlineKind k = DeadlineKind.valueOf(kind);
    LocalDate birthDate = ProcessClocks.birthDate(execution);
    return rules.computeForBirthDate(k, birthDate).due().toInstant().isAfter(clock.instant());
  }

  /** The start of the child's Nth birthday (the 18th-birthday closure timer). */
  public Date birthday(DelegateExecution execution, int years) {
    LocalDate day = DeadlineRule.birthday(ProcessClocks.birthDate(execution), years);
    return Date.from(day.atStartOfDay(rules.zone()).toInstant());
  }

  private Deadline open(DelegateExecution execution, DeadlineKind kind) {
    DeadlineRules.Computed computed = ProcessClocks.compute(kind, execution, rules);
    Deadline row = new Deadline();
    row.setCaseId(((Number) execution.getVariable(ProcessVariables.CASE_ID)).longValue());
    row.setCaseNumber(execution.getProcessBusinessKey());
    row.setTeamCode((String) execution.getVariable(ProcessVariables.TEAM_CODE));
    row.setKind(kind);
    row.setProcessInstanceId(execution.getProcessInstanceId());
    row.setExecutionId(execution.getId());
    row.setActivityId(execution.getCurrentActivityId());
    row.setAnchorAt(computed.anchor().toInstant());
    row.setDueAt(computed.due().toInstant());
    row.setAtRiskFrom(computed.atRiskFrom().toInstant());
    row.setRuleText(computed.ruleText());
    row.setBasis(computed.basis());
    row.setCreatedAt(clock.instant());
    return repository.save(row);
  }

  /**
   * Called by the escalation step after a deadline timer fired: marks every open, overdue, not yet escalated
   * deadline of this kind in the process instance as missed and escalated, and queues the notice to the team leaders
   * in the outbox, in this (the timer job's) transaction.
   *
   * <p>Idempotent, for a job that runs twice (its lock expired while it ran, and another node ran it too): the
   * escalation of each row is a conditional update, and only the run that changed the row writes the notice, whose
   * key is unique besides. A second run, even a concurrent one, finds nothing left to escalate. The metric and the
   * log line follow the commit.
   */
  @Transactional
  public void escalate(DelegateExecution execution, String kind) {
    Instant now = clock.instant();
    for (DeadlineKind k : ProcessClocks.kindsFor(DeadlineKind.valueOf(kind))) {
      List<Deadline> rows = repository
          .findByProcessInstanceIdAndKindAndMetAtIsNullAndCancelledAtIsNullAndEscalatedAtIsNullAndDueAtLessThanEqual(
              execution.getProcessInstanceId(), k, now);
      for (Deadline row : rows) {
        if (repository.markEscalated(row.getId(), now) != 1) {
          log.debug("Deadline {} of case {} was escalated (or met or cancelled) by another transaction meanwhile",
              row.getId(), row.getCaseNumber());
          continue;
        }
        outbox.deadlineEscalated(row, now);
        afterCommit(() -> {
          escalations.get(k).increment();
          log.info("Deadline {} of case {} missed (due {}); escalated to the team leader of {}", k.key(),
              row.getCaseNumber(), row.getDueAt(), row.getTeamCode());
        });
      }
    }
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  /** The task guarded by these deadlines was completed: they are met now. */
  @Transactional
  public void meet(String executionId, String user) {
    Instant now = clock.instant();
    for (Deadline row : repository.findOpenOfExecution(executionId)) {
      row.setMetAt(now);
      row.setMetBy(user);
      if (now.isAfter(row.getDueAt()) && row.getMissedAt() == null) {
        row.setMissedAt(row.getDueAt());
      }
    }
  }

  /** The task guarded by these deadlines was cancelled (its case closed, or the scope ended): no longer owed. */
  @Transactional
  public void cancel(String executionId) {
    Instant now = clock.instant();
    for (Deadline row : repository.findOpenOfExecution(executionId)) {
      row.setCancelledAt(now);
    }
  }

  @Transactional(readOnly = true)
  public List<DeadlineView> forCase(long caseId) {
    Instant now = clock.instant();
    return repository.findByCaseIdOrderByDueAtAsc(caseId).stream().map(d -> DeadlineView.of(d, now)).toList();
  }

  /** Open deadlines of the given teams that are at risk or overdue now, earliest due first. */
  @Transactional(readOnly = true)
  public List<DeadlineView> atRiskOrOverdue(Collection<String> teams, DeadlineState only) {
    Instant now = clock.instant();
    List<Deadline> rows = teams == null ? repository.findOpenAtRiskOrOverdueAllTeams(now)
        : repository.findOpenAtRiskOrOverdue(teams, now);
    return rows.stream().map(d -> DeadlineView.of(d, now))
        .filter(v -> only == null || v.state() == only)
        .toList();
  }

  /**
   * One page of the open deadlines of the given teams that are at risk or overdue now (or only those in state
   * {@code only}, OVERDUE or AT_RISK), earliest due first: the database filters, orders, limits and counts.
   */
  @Transactional(readOnly = true)
  public Page<DeadlineView> atRiskOrOverdue(Collection<String> teams, DeadlineState only, Pageable page) {
    if (only != null && only != DeadlineState.OVERDUE && only != DeadlineState.AT_RISK) {
      return Page.empty(page);
    }
    Instant now = clock.instant();
    return repository.findOpenAtRiskOrOverdue(teams, now, only == DeadlineState.OVERDUE,
        only == DeadlineState.AT_RISK, page).map(d -> DeadlineView.of(d, now));
  }

  /** Every deadline of a team due in [from, to), earliest first (compliance figures). */
  @Transactional(readOnly = true)
  public List<DeadlineView> ofTeamDueBetween(String teamCode, Instant from, Instant to) {
    Instant now = clock.instant();
    return repository.findByTeamCodeAndDueAtBetweenOrderByDueAtAsc(teamCode, from, to).stream()
        .map(d -> DeadlineView.of(d, now)).toList();
  }

  /** Due dates by execution id, for task lists. */
  @Transactional(readOnly = true)
  public Map<String, DeadlineView> openByExecution(Collection<String> executionIds) {
    Instant now = clock.instant();
    Map<String, DeadlineView> byExecution = new java.util.HashMap<>();
    if (executionIds.isEmpty()) {
      return byExecution;
    }
    for (Deadline d : repository.findByExecutionIdIn(executionIds)) {
      if (d.getMetAt() == null && d.getCancelledAt() == null) {
        byExecution.merge(d.getExecutionId(), DeadlineView.of(d, now),
            (a, b) -> a.dueAt().isBefore(b.dueAt()) ? a : b);
      }
    }
    return byExecution;
  }

  /** Computes a deadline without opening a row (for forms and previews). */
  public DeadlineRules.Computed preview(DeadlineKind kind, Instant anchor, Period override) {
    return rules.compute(kind, anchor, override);
  }
}
