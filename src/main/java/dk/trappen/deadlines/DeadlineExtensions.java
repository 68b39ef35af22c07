package dk.trappen.deadlines;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends or pauses an open deadline, with a reason (issue 20; docs/design.md#extending-and-pausing-a-deadline).
 * A caseworker of the case's team asks, and the request waits for the team leader, who approves or refuses it with a
 * note; a team leader's own extension or pause is approved at once. An approved extension moves the register row's
 * due time ({@code due_at}; {@code legal_due_at} stays), its at-risk start, a second tier not reached yet, and in the
 * same transaction the engine's timer, the task's due date and {@code deadlineDue} ({@link DeadlineTimers}). An
 * approved pause stops the clock: the row is PAUSED (neither at risk nor overdue) and its timer suspended until a
 * caseworker or team leader of the team resumes it, which moves the due time on by the paused time
 * ({@link PausedTime}). Every change is a {@code deadline_change} row.
 *
 * <p>The caller has let the user through {@code security.CaseAccess} for the case (which audits). The rules are
 * {@link DeadlineChangePolicy}'s, every problem at once (400); what the deadline's state refuses is a conflict (409):
 * met or cancelled, paused, a request waiting, a request decided already. Every write is a conditional update or
 * guarded by a unique index, so of two at once one wins and the other is a 409 that changed nothing.
 */
@Slf4j
@Service
public class DeadlineExtensions {

  private final DeadlineRepository deadlines;
  private final DeadlineMoves moves;
  private final DeadlineChangeRepository changes;
  private final DeadlineChangePolicy policy;
  private final DeadlineTimers timers;
  private final DeadlineRules rules;
  private final Clock clock;
  private final TransactionTemplate transactions;

  DeadlineExtensions(DeadlineRepository deadlines, DeadlineMoves moves, DeadlineChangeRepository changes,
      DeadlineChangePolicy policy, DeadlineTimers timers, DeadlineRules rules, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.deadlines = deadlines;
    this.moves = moves;
    this.changes = changes;
    this.policy = policy;
    this.timers = timers;
    this.rules = rules;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The case's deadlines, earliest due first, each with its changes, oldest first. */
  @Transactional(readOnly = true)
  public List<DeadlineWithChanges> ofCase(long caseId) {
    Instant now = clock.instant();
    Map<Long, List<DeadlineChangeView>> byDeadline = changesOfCase(caseId);
    return deadlines.findByCaseIdOrderByDueAtAsc(caseId).stream()
        .map(d -> new DeadlineWithChanges(DeadlineView.of(d, now), byDeadline.getOrDefault(d.getId(), List.of())))
        .toList();
  }

  /** The changes of the case's deadlines by deadline id, each list oldest first. */
  @Transactional(readOnly = true)
  public Map<Long, List<DeadlineChangeView>> changesOfCase(long caseId) {
    return changes.findByCaseIdOrderByIdAsc(caseId).stream().map(DeadlineChangeView::of)
        .collect(Collectors.groupingBy(DeadlineChangeView::deadlineId, LinkedHashMap::new, Collectors.toList()));
  }

  /** The requests waiting for a team leader of these teams, of deadlines still open, oldest first. */
  @Transactional(readOnly = true)
  public List<DeadlineChangeView> pending(Collection<String> teams) {
    List<DeadlineChange> waiting = changes.findByTeamCodeInAndStateOrderByRequestedAtAscIdAsc(teams,
        DeadlineChangeState.REQUESTED);
    Set<Long> open = deadlines.findAllById(waiting.stream().map(DeadlineChange::getDeadlineId).toList()).stream()
        .filter(d -> d.getMetAt() == null && d.getCancelledAt() == null).map(Deadline::getId)
        .collect(Collectors.toSet());
    return waiting.stream().filter(c -> open.contains(c.getDeadlineId())).map(DeadlineChangeView::of).toList();
  }

  /**
   * Asks for (a caseworker) or makes (a team leader) an extension or pause of the deadline {@code deadlineId} of the
   * case: 400 with every problem of the request, 404 for a deadline not on the case, 409 when the deadline is met,
   * cancelled or paused or a request waits already. Returns the change: REQUESTED, or APPROVED and applied.
   */
  public DeadlineChangeView ask(CaseRef c, long deadlineId, DeadlineChangeRequest request, StaffMember user) {
    if (user.role() != Role.CASEWORKER && user.role() != Role.TEAM_LEADER) {
      throw new AccessDeniedException("only the case's caseworkers and team leader change its deadlines");
    }
    Deadline current = load(c, deadlineId);
    refuseUnless(policy.problems(request, current.getDueAt()));
    DeadlineChangeType type = DeadlineChangePolicy.type(request.type()).orElseThrow();
    return once(() -> transactions.execute(tx -> {
      Deadline d = load(c, deadlineId);
      requireRunning(d);
      if (changes.existsByDeadlineIdAndState(d.getId(), DeadlineChangeState.REQUESTED)) {
        throw pending(d);
      }
      Instant now = clock.instant();
      DeadlineChange change = new DeadlineChange();
      change.setDeadlineId(d.getId());
      change.setCaseId(d.getCaseId());
      change.setCaseNumber(d.getCaseNumber());
      change.setTeamCode(d.getTeamCode());
      change.setKind(d.getKind());
      change.setType(type);
      change.setReason(request.reason().strip());
      change.setOldDueAt(d.getDueAt());
      change.setNewDueAt(type == DeadlineChangeType.EXTENSION ? onDate(d, request.newDueDate()) : null);
      change.setRequestedBy(user.username());
      change.setRequestedAt(now);
      boolean leader = user.role() == Role.TEAM_LEADER;
      change.setState(leader ? DeadlineChangeState.APPROVED : DeadlineChangeState.REQUESTED);
      change.setPendingFor(leader ? null : d.getId());
      if (leader) {
        change.setDecidedBy(user.username());
        change.setDecidedAt(now);
        apply(d, type, change.getNewDueAt(), now);
      }
      changes.saveAndFlush(change);
      log.info("{} of deadline {} ({}) of case {} {} by {}", type, d.getId(), d.getKind().key(), d.getCaseNumber(),
          leader ? "made" : "asked for", user.username());
      return DeadlineChangeView.of(change);
    }), deadlineId);
  }

  /**
   * The team leader's decision on the requested change {@code changeId} of the deadline: approved, it is applied as
   * if the team leader had made it; refused, nothing moves. 409 when it is decided already (of two decisions at once,
   * one wins) or, to approve, the deadline is met, cancelled or paused meanwhile.
   */
  public DeadlineChangeView decide(CaseRef c, long deadlineId, long changeId, DeadlineDecision decision,
      StaffMember user) {
    if (user.role() != Role.TEAM_LEADER) {
      throw new AccessDeniedException("only the team leader decides on a change of a deadline");
    }
    refuseUnless(policy.problems(decision));
    boolean approve = decision.approve();
    String note = decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
    return once(() -> transactions.execute(tx -> {
      Deadline d = load(c, deadlineId);
      DeadlineChange change = changes.findById(changeId).filter(ch -> ch.getDeadlineId().equals(d.getId()))
          .orElseThrow(() -> new NotFoundException("no change " + changeId + " of deadline " + deadlineId));
      if (change.getState() != DeadlineChangeState.REQUESTED) {
        throw decided(changeId);
      }
      if (approve) {
        requireRunning(d);
      }
      Instant now = clock.instant();
      DeadlineChangeState state = approve ? DeadlineChangeState.APPROVED : DeadlineChangeState.REFUSED;
      if (changes.decide(changeId, state, user.username(), now, note, change.getNewDueAt()) != 1) {
        throw decided(changeId);
      }
      if (approve) {
        apply(d, change.getType(), change.getNewDueAt(), now);
      }
      log.info("{} of deadline {} of case {} {} by {}", change.getType(), d.getId(), d.getCaseNumber(), state,
          user.username());
      return DeadlineChangeView.of(changes.findById(changeId).orElseThrow());
    }), changeId);
  }

  /**
   * Resumes a paused deadline (a caseworker or team leader of the team, without approval: it only starts the clock
   * again): the due time moves on by the time it stood still, and the timer runs again. 409 when it is not paused.
   */
  public DeadlineChangeView resume(CaseRef c, long deadlineId, DeadlineResume resume, StaffMember user) {
    if (user.role() != Role.CASEWORKER && user.role() != Role.TEAM_LEADER) {
      throw new AccessDeniedException("only the case's caseworkers and team leader change its deadlines");
    }
    load(c, deadlineId);
    refuseUnless(policy.problems(resume));
    String reason = resume == null || resume.reason() == null || resume.reason().isBlank() ? null
        : resume.reason().strip();
    return once(() -> transactions.execute(tx -> {
      Deadline d = load(c, deadlineId);
      requireOpen(d);
      if (d.getPausedAt() == null) {
        throw InvalidInputException.conflict("deadline", "problem.deadline.change.notPaused", d.getId());
      }
      Instant now = clock.instant();
      Instant due = PausedTime.dueAfter(d.getKind(), d.getDueAt(), d.getPausedAt(), now, rules);
      if (moves.resume(d.getId(), d.getPausedAt(), due, atRiskFrom(d, due), rules.headDueAfter(d.getKind(), due))
          != 1) {
        throw changedMeanwhile(d);
      }
      timers.moveTo(d.getExecutionId(), d.getDueAt(), due);
      DeadlineChange change = new DeadlineChange();
      change.setDeadlineId(d.getId());
      change.setCaseId(d.getCaseId());
      change.setCaseNumber(d.getCaseNumber());
      change.setTeamCode(d.getTeamCode());
      change.setKind(d.getKind());
      change.setType(DeadlineChangeType.RESUME);
      change.setState(DeadlineChangeState.APPROVED);
      change.setReason(reason);
      change.setOldDueAt(d.getDueAt());
      change.setNewDueAt(due);
      change.setRequestedBy(user.username());
      change.setRequestedAt(now);
      change.setDecidedBy(user.username());
      change.setDecidedAt(now);
      changes.saveAndFlush(change);
      log.info("Deadline {} of case {} resumed by {}, paused since {}: due {} (was {})", d.getId(),
          d.getCaseNumber(), user.username(), d.getPausedAt(), due, d.getDueAt());
      return DeadlineChangeView.of(change);
    }), deadlineId);
  }

  /** Applies an approved extension or pause to the register row and the engine, in the caller's transaction. */
  private void apply(Deadline d, DeadlineChangeType type, Instant newDueAt, Instant now) {
    if (type == DeadlineChangeType.EXTENSION) {
      if (moves.extend(d.getId(), d.getDueAt(), newDueAt, atRiskFrom(d, newDueAt),
          rules.headDueAfter(d.getKind(), newDueAt)) != 1) {
        throw changedMeanwhile(d);
      }
      timers.moveTo(d.getExecutionId(), d.getDueAt(), newDueAt);
    } else if (type == DeadlineChangeType.PAUSE) {
      if (moves.pause(d.getId(), d.getDueAt(), now) != 1) {
        throw changedMeanwhile(d);
      }
      timers.stop(d.getExecutionId(), d.getDueAt());
    }
  }

  /** The new due date at the local time of day the deadline falls due now (the end of a day stays the end of one). */
  private Instant onDate(Deadline d, java.time.LocalDate date) {
    return date.atTime(d.getDueAt().atZone(rules.zone()).toLocalTime()).atZone(rules.zone()).toInstant();
  }

  private Instant atRiskFrom(Deadline d, Instant dueAt) {
    return dueAt.minus(rules.rule(d.getKind()).atRisk());
  }

  private Deadline load(CaseRef c, long deadlineId) {
    return deadlines.findById(deadlineId).filter(d -> d.getCaseId() == c.id())
        .orElseThrow(() -> new NotFoundException("no deadline " + deadlineId + " on case " + c.caseNumber()));
  }

  private static void requireOpen(Deadline d) {
    if (d.getMetAt() != null || d.getCancelledAt() != null) {
      throw InvalidInputException.conflict("deadline", "problem.deadline.change.closed", d.getId());
    }
  }

  private static void requireRunning(Deadline d) {
    requireOpen(d);
    if (d.getPausedAt() != null) {
      throw InvalidInputException.conflict("deadline", "problem.deadline.change.paused", d.getId());
    }
  }

  /** Runs a write, turning a lost race (a unique index, a row or job changed meanwhile) into a 409. */
  private static DeadlineChangeView once(Supplier<DeadlineChangeView> write, long id) {
    try {
      return write.get();
    } catch (DataIntegrityViolationException e) {
      log.info("A change of deadline {} lost a race to a request asked at the same time: {}", id, e.getMessage());
      throw InvalidInputException.conflict("deadline", "problem.deadline.change.pending", id);
    } catch (ConcurrencyFailureException | OptimisticLockingException e) {
      log.info("A change of deadline {} lost a race: {}", id, e.getMessage());
      throw InvalidInputException.conflict("deadline", "problem.deadline.change.changedMeanwhile", id);
    }
  }

  private static InvalidInputException pending(Deadline d) {
    return InvalidInputException.conflict("deadline", "problem.deadline.change.pending", d.getId());
  }

  private static InvalidInputException decided(long changeId) {
    return InvalidInputException.conflict("changeId", "problem.deadline.change.decided", changeId);
  }

  private static InvalidInputException changedMeanwhile(Deadline d) {
    return InvalidInputException.conflict("deadline", "problem.deadline.change.changedMeanwhile", d.getId());
  }

  private static void refuseUnless(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }
}
