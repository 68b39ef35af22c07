package dk.trappen.staircase;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staircase and the interventions on it. The step-selection process starts the chosen intervention through
 * {@link StaircaseProcessGlue} ({@link #start}).
 */
@Slf4j
@Service
@Transactional(readOnly = true)
public class StaircaseService {

  private static final EnumSet<InterventionStatus> PENDING =
      EnumSet.of(InterventionStatus.AWAITING_APPROVAL, InterventionStatus.DECIDED);

  private final InterventionRepository interventions;
  private final Staircase staircase;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  @Autowired
  StaircaseService(InterventionRepository interventions, Staircase staircase, Clock clock,
      ApplicationEventPublisher events) {
    this.interventions = interventions;
    this.staircase = staircase;
    this.clock = clock;
    this.events = events;
  }

  /** Without listeners to the decisions (unit tests). */
  StaircaseService(InterventionRepository interventions, Staircase staircase, Clock clock) {
    this(interventions, staircase, clock, event -> { });
  }

  // ---- the staircase -------------------------------------------------------------------------------------------

  /** The configured staircase's name. */
  public String name() {
    return staircase.name();
  }

  /** The steps from the least to the most intrusive. */
  public List<Step> steps() {
    return staircase.steps();
  }

  public Optional<Step> step(String key) {
    return staircase.step(key);
  }

  /** The step that provides a kind of help recommended by the step-recommendation decision. */
  public Step recommendedStep(HelpCategory category) {
    return staircase.stepFor(category);
  }

  /**
   * The step next to an intervention's step: one up ({@code up}) or one down. Empty at the top or the bottom of the
   * staircase (below step 1 lies the common goal, an ordinary everyday life).
   */
  public Optional<Step> adjacent(long interventionId, boolean up) {
    Intervention i = entity(interventionId);
    int position = staircase.step(i.getStepKey()).map(Step::position).orElse(i.getStepPosition());
    return staircase.at(up ? position + 1 : position - 1);
  }

  // ---- the process ---------------------------------------------------------------------------------------------

  /**
   * Starts a decided (or approved) intervention now and ends the intervention it replaces with
   * {@link InterventionEndReason#STEP_CHANGE}. Idempotent: a running intervention is returned as it is.
   */
  @Transactional
  public InterventionView start(long interventionId) {
    Intervention i = entity(interventionId);
    if (i.getStatus() == InterventionStatus.RUNNING) {
      return InterventionView.of(i);
    }
    if (i.getStatus() != InterventionStatus.DECIDED) {
      throw new IllegalStateException("intervention " + interventionId + " cannot start: it is " + i.getStatus()
          + (i.getStatus() == InterventionStatus.AWAITING_APPROVAL ? " (the placement is not approved)" : ""));
    }
    Instant now = clock.instant();
    i.setStatus(InterventionStatus.RUNNING);
    i.setStartedAt(now);
    if (i.getReplacesId() != null) {
      interventions.findById(i.getReplacesId())
          .filter(old -> old.getStatus() == InterventionStatus.RUNNING)
          .ifPresent(old -> end(old, InterventionEndReason.STEP_CHANGE, now));
    }
    log.info("Intervention {} of case {} started on step {}", i.getId(), i.getCaseId(), i.getStepKey());
    return InterventionView.of(i);
  }

  // ---- decisions -----------------------------------------------------------------------------------------------

  /**
   * Records the choice of a step. A placement waits for the team leader's approval; any other step is decided and
   * starts with {@link #start}. For the initial choice after the investigation, when the case has exactly
   * one running emergency intervention, the new one replaces it (the step chosen after the investigation takes over from the emergency
   * step). The caller has checked the choice against the recommendation.
   */
  @Transactional
  public InterventionView decide(StepDecision d) {
    Step step = staircase.step(d.stepKey()).orElseThrow(() -> InvalidInputException.of("stepKey",
        "problem.staircase.unknownStep", d.stepKey(), staircase.keys()));
    Long replaces = d.replacesInterventionId();
    if (replaces != null) {
      Intervention old = entity(replaces);
      if (old.getCaseId() != d.caseId()) {
        throw new IllegalStateException("intervention " + replaces + " does not belong to case " + d.caseId());
      }
    } else if (d.reason() == SelectionReason.INITIAL) {
      List<Intervention> emergencies = interventions
          .findByCaseIdAndStatusOrderByIdAsc(d.caseId(), InterventionStatus.RUNNING).stream()
          .filter(Intervention::isEmergency).toList();
      if (emergencies.size() == 1) {
        replaces = emergencies.get(0).getId();
      }
    }
    Intervention i = new Intervention();
    i.setCaseId(d.caseId());
    i.setStepKey(step.key());
    i.setStepName(step.name());
    i.setStepPosition(step.position());
    i.setPlacement(step.placement());
    i.setDescription(d.description());
    i.setStatus(step.placement() ? InterventionStatus.AWAITING_APPROVAL : InterventionStatus.DECIDED);
    i.setEmergency(d.emergency());
    i.setRecommendedStepKey(d.recommendedStepKey());
    i.setJustification(d.justification() == null || d.justification().isBlank() ? null : d.justification().trim());
    i.setDecidedAt(clock.instant());
    i.setDecidedBy(d.decidedBy());
    i.setPlannedEnd(d.plannedEnd());
    i.setNextStepDownKey(d.nextStepDownKey());
    i.setReplacesId(replaces);
    i.setChildNotHeardReason(blankToNull(d.childNotHeardReason()));
    Intervention saved = interventions.save(i);
    if (!step.placement()) {
      events.publishEvent(new StaircaseDecision(saved.getCaseId(), saved.getId(),
          StaircaseDecision.Kind.STEP_CHOSEN, d.decidedBy(), saved.getDecidedAt()));
    }
    return InterventionView.of(saved);
  }

  /**
   * The team leader's decision on a placement: approved (it starts next) or rejected (another step is chosen).
   * {@code childNotHeardReason}: why it is approved without a conversation with the child (null when one was held).
   */
  @Transactional
  public InterventionView review(long interventionId, boolean approved, String note, String childNotHeardReason,
      String user) {
    Intervention i = entity(interventionId);
    if (i.getStatus() != InterventionStatus.AWAITING_APPROVAL) {
      throw InvalidInputException.conflict("approved", "problem.staircase.notAwaitingApproval", interventionId,
          i.getStatus());
    }
    Instant now = clock.instant();
    i.setApprovalNote(blankToNull(note));
    if (approved) {
      i.setApprovalChildNotHeardReason(blankToNull(childNotHeardReason));
      i.setStatus(InterventionStatus.DECIDED);
      i.setApprovedAt(now);
      i.setApprovedBy(user);
      events.publishEvent(new StaircaseDecision(i.getCaseId(), i.getId(), StaircaseDecision.Kind.PLACEMENT_APPROVED,
          user, now));
    } else {
      i.setStatus(InterventionStatus.REJECTED);
      i.setRejectedAt(now);
      i.setRejectedBy(user);
    }
    return InterventionView.of(i);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Ends every running intervention of a closing case with the case's closure reason (a
   * {@code dk.trappen.cases.ClosureReason} name; unknown or null becomes CASE_CLOSED), and withdraws decided or
   * awaiting ones that never started (ended without a start). Idempotent.
   *
   * @return how many interventions were ended
   */
  @Transactional
  public int endAllRunning(long caseId, String reason) {
    return endAllRunning(caseId, InterventionEndReason.ofClosure(reason));
  }

  /** As {@link #endAllRunning(long, String)} with a typed reason. */
  @Transactional
  public int endAllRunning(long caseId, InterventionEndReason reason) {
    Instant now = clock.instant();
    EnumSet<InterventionStatus> open = EnumSet.copyOf(PENDING);
    open.add(InterventionStatus.RUNNING);
    List<Intervention> ending = interventions.findByCaseIdAndStatusInOrderByIdAsc(caseId, open);
    for (Intervention i : ending) {
      boolean wasRunning = i.getStatus() == InterventionStatus.RUNNING;
      end(i, reason, now);
      if (wasRunning) {
        events.publishEvent(new StaircaseDecision(caseId, i.getId(), StaircaseDecision.Kind.INTERVENTION_ENDED, null,
            now));
      }
    }
    return ending.size();
  }

  private static void end(Intervention i, InterventionEndReason reason, Instant now) {
    i.setStatus(InterventionStatus.ENDED);
    i.setEndedAt(now);
    i.setEndReason(reason);
  }

  // ---- views ---------------------------------------------------------------------------------------------------

  /** Every intervention of a case, oldest first: the case's path up and down the staircase. */
  public List<InterventionView> interventions(long caseId) {
    return interventions.findByCaseIdOrderByIdAsc(caseId).stream().map(InterventionView::of).toList();
  }

  /** The running interventions of a case, oldest first. */
  public List<InterventionView> running(long caseId) {
    return interventions.findByCaseIdAndStatusOrderByIdAsc(caseId, InterventionStatus.RUNNING).stream()
        .map(InterventionView::of).toList();
  }

  public InterventionView intervention(long interventionId) {
    return InterventionView.of(entity(interventionId));
  }

  /**
   * The number of running interventions per step key, in staircase order, every step present (zero when none);
   * keys of steps no longer configured follow at the end.
   */
  public Map<String, Long> stepDistribution() {
    Map<String, Long> counts = new LinkedHashMap<>();
    staircase.steps().forEach(s -> counts.put(s.key(), 0L));
    for (Object[] row : interventions.countByStepKey(InterventionStatus.RUNNING)) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** Every intervention of these cases, oldest first (for a team's staircase figures). */
  public List<InterventionView> interventionsOf(java.util.Collection<Long> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return interventions.findByCaseIdInOrderByIdAsc(caseIds).stream().map(InterventionView::of).toList();
  }

  /** Running interventions per step key of these cases, in staircase order, every step present. */
  public Map<String, Long> stepDistribution(java.util.Collection<Long> caseIds) {
    Map<String, Long> counts = new LinkedHashMap<>();
    staircase.steps().forEach(s -> counts.put(s.key(), 0L));
    interventionsOf(caseIds).stream().filter(InterventionView::running)
        .forEach(i -> counts.merge(i.stepKey(), 1L, Long::sum));
    return counts;
  }

  private Intervention entity(long interventionId) {
    return interventions.findById(interventionId)
        .orElseThrow(() -> new NotFoundException("no intervention with id " + interventionId));
  }
}
