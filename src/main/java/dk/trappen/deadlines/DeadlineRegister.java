package dk.trappen.deadlines;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The deadline register: one row per deadline owed at a guarded task, with its due time, the rule text and the legal
 * basis that computed it. It speaks plain ids and values; the processes reach it through
 * {@link DeadlineProcessGlue}, which opens a row when a guarded task starts ({@link #open}) and hands the same due
 * time ({@link #dueAt}) to the task's boundary timer and due date, so the timer, the task and the register agree.
 *
 * <p>Anchors come from the case's process variables: see {@link ProcessClocks}.
 */
@Slf4j
@Service
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
      Gauge.builder("trappen.deadlines.overdue",
              () -> repository.countOverdue(kind, DueTime.secondOf(clock.instant())))
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
   * The due time of the deadline of {@code kind} from these anchors, computed by the rules; opens nothing. (A
   * follow-up before any follow-up was held is the first follow-up.)
   */
  public Instant dueAt(DeadlineKind kind, DeadlineAnchors anchors) {
    DeadlineKind actual = ProcessClocks.effectiveKind(kind, anchors);
    return ProcessClocks.compute(actual, anchors, rules).due().toInstant();
  }

  /**
   * When the deadline of {@code kind} from these anchors turns at risk: its due time less its at-risk window (the
   * investigation's opens the interim assessment). Opens nothing.
   */
  public Instant atRiskAt(DeadlineKind kind, DeadlineAnchors anchors) {
    DeadlineKind actual = ProcessClocks.effectiveKind(kind, anchors);
    return ProcessClocks.compute(actual, anchors, rules).atRiskFrom().toInstant();
  }

  /**
   * Opens the register row of the deadline of {@code kind} owed at {@code at} and returns its due time: the same
   * time as {@link #dueAt} for these anchors. Idempotent: when the execution already has an open row of that kind,
   * its due time is returned and nothing is written.
   */
  @Transactional
  public Instant open(GuardedActivity at, DeadlineKind kind, DeadlineAnchors anchors) {
    DeadlineKind actual = ProcessClocks.effectiveKind(kind, anchors);
    return repository.findOpenOfExecution(at.executionId(), actual).stream().findFirst()
        .map(Deadline::getDueAt)
        .orElseGet(() -> insert(at, actual, anchors).getDueAt());
  }

  /** When the task of a birthday deadline opens (its due time less the configured lead). */
  public Instant opensAt(DeadlineKind kind, LocalDate birthDate) {
    return rules.computeForBirthDate(kind, birthDate).opensAt().toInstant();
  }

  /** When the task of a deadline of {@code kind} opens, from these anchors (its due time less the lead). */
  public Instant opensAt(DeadlineKind kind, DeadlineAnchors anchors) {
    return ProcessClocks.compute(kind, anchors, rules).opensAt().toInstant();
  }

  /** Whether a birthday deadline still lies ahead (the age clock applies to this child). */
  public boolean ahead(DeadlineKind kind, LocalDate birthDate) {
    return rules.computeForBirthDate(kind, birthDate).due().toInstant().isAfter(clock.instant());
  }

  /** The start of the child's Nth birthday (the 18th-birthday closure timer). */
  public Instant birthday(LocalDate birthDate, int years) {
    return rules.startOfBirthday(birthDate, years).toInstant();
  }

  private Deadline insert(GuardedActivity at, DeadlineKind kind, DeadlineAnchors anchors) {
    DeadlineRules.Computed computed = ProcessClocks.compute(kind, anchors, rules);
    Deadline row = new Deadline();
    row.setCaseId(at.caseId());
    row.setCaseNumber(at.caseNumber());
    row.setTeamCode(at.teamCode());
    row.setKind(kind);
    row.setProcessInstanceId(at.processInstanceId());
    row.setExecutionId(at.executionId());
    row.setActivityId(at.activityId());
    row.setAnchorAt(computed.anchor().toInstant());
    row.setDueAt(computed.due().toInstant());
    row.setAtRiskFrom(computed.atRiskFrom().toInstant());
    row.setRuleText(computed.ruleText());
    row.setBasis(computed.basis());
    row.setCreatedAt(clock.instant());
    return repository.save(row);
  }

  /**
   * Called (through the process glue) by the escalation step after a deadline timer fired: marks every open, overdue, not yet escalated
   * deadline of this kind in the process instance as missed and escalated, and queues the notice to the team leaders
   * in the outbox, in this (the timer job's) transaction.
   *
   * <p>Idempotent, for a job that runs twice (its lock expired while it ran, and another node ran it too): the
   * escalation of each row is a conditional update, and only the run that changed the row writes the notice, whose
   * key is unique besides. A second run, even a concurrent one, finds nothing left to escalate. The metric and the
   * log line follow the commit.
   *
   * <p>The timer fires at the due time itself, the deadline's last whole second (23:59:59 for a deadline counted in
   * days), so the rows escalated are those whose due time has come ({@code due_at <= now}), although a row shows as
   * OVERDUE only from the next second ({@link DueTime}); work done within that second still meets the deadline in
   * time ({@link #meet} clears the missed mark).
   *
   * <p>The escalation also sets when the deadline, still not met then, escalates on to the head of department
   * ({@code head_due_at}, from {@code trappen.deadlines.<kind>.escalate-to-head}); {@link HeadEscalation} does that.
   */
  @Transactional
  public void escalate(String processInstanceId, DeadlineKind kind) {
    Instant now = clock.instant();
    for (DeadlineKind k : ProcessClocks.kindsFor(kind)) {
      List<Deadline> rows = repository
          .findByProcessInstanceIdAndKindAndMetAtIsNullAndCancelledAtIsNullAndEscalatedAtIsNullAndDueAtLessThanEqual(
              processInstanceId, k, now);
      for (Deadline row : rows) {
        if (row.getPausedAt() != null) {
          continue; // paused (DeadlineExtensions): its own timer is suspended; another task's timer does not escalate it
        }
        if (repository.markEscalated(row.getId(), now, rules.headDueAfter(k, now)) != 1) {
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
    meet(executionId, user, null);
  }

  /**
   * The task guarded by these deadlines was completed, recording work done at {@code doneAt} (a meeting held
   * yesterday and typed in today; null or later than now: now). The deadlines are met when the work was done, and the
   * time it was recorded is kept beside it. A meeting held in time but recorded after its deadline is met in time: it
   * was escalated (nobody knew it was held), and it is not missed.
   */
  @Transactional
  public void meet(String executionId, String user, Instant doneAt) {
    Instant now = clock.instant();
    Instant met = doneAt == null || doneAt.isAfter(now) ? now : doneAt;
    for (Deadline row : repository.findOpenOfExecution(executionId)) {
      if (row.getPausedAt() != null) {
        // met while paused: the clock stood still until the work was done (issue 20, DeadlineExtensions)
        Instant resumed = met.isAfter(row.getPausedAt()) ? met : row.getPausedAt();
        row.setDueAt(PausedTime.dueAfter(row.getKind(), row.getDueAt(), row.getPausedAt(), resumed, rules));
        row.setPausedAt(null);
      }
      row.setMetAt(met);
      row.setMetRecordedAt(now);
      row.setMetBy(user);
      if (DueTime.passed(row.getDueAt(), met)) {
        if (row.getMissedAt() == null) {
          row.setMissedAt(row.getDueAt());
        }
      } else {
        row.setMissedAt(null);
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
    Instant now = DueTime.secondOf(clock.instant());
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
    Instant now = DueTime.secondOf(clock.instant());
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
