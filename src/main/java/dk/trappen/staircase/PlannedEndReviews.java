package dk.trappen.staircase;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review before an intervention's planned end ("Forbered nedtrapning", issue 20 point 5b): every intervention
 * has a planned end and a planned next step down from day one, and the review acts on that exit plan. The case process
 * reviews each running intervention on its own (see {@code SubProcess_PlannedEndReview} in {@code bpmn/youth-case.bpmn}
 * and docs/design.md), reading its planned end here through {@link PlannedEndReviewGlue}; the review form records
 * the outcome with {@link #record}:
 * <ul>
 *   <li>{@link PlannedEndOutcome#STEP_DOWN}: the intervention's recorded next step down is chosen in the existing
 *       step selection (the process calls {@code step-selection} with it recommended), and the new intervention
 *       replaces this one when it starts, as a network meeting's step change does;</li>
 *   <li>{@link PlannedEndOutcome#EXTEND}: the intervention gets the new planned end, and the process reviews it again
 *       before that;</li>
 *   <li>{@link PlannedEndOutcome#END}: the intervention ends now ({@link InterventionEndReason#PLANNED_END}).</li>
 * </ul>
 */
@Slf4j
@Service
@Transactional(readOnly = true)
public class PlannedEndReviews {

  private final InterventionRepository interventions;
  private final InterventionReviewRepository reviews;
  private final Staircase staircase;
  private final Clock clock;

  PlannedEndReviews(InterventionRepository interventions, InterventionReviewRepository reviews, Staircase staircase,
      Clock clock) {
    this.interventions = interventions;
    this.reviews = reviews;
    this.staircase = staircase;
    this.clock = clock;
  }

  /** The planned end of an intervention: what its review is due against. */
  public LocalDate plannedEnd(long interventionId) {
    return entity(interventionId).getPlannedEnd();
  }

  /**
   * Records the review's outcome and acts on it (see the class comment). The caller has checked the outcome with
   * the review policy; a review of an intervention that no longer runs is refused as a conflict.
   *
   * @param newPlannedEnd the new planned end, for {@link PlannedEndOutcome#EXTEND} only
   */
  @Transactional
  public InterventionReviewView record(long caseId, long interventionId, PlannedEndOutcome outcome,
      LocalDate newPlannedEnd, String reason, String user) {
    Intervention i = entity(interventionId);
    if (i.getCaseId() != caseId) {
      throw new IllegalStateException("intervention " + interventionId + " does not belong to case " + caseId);
    }
    if (i.getStatus() != InterventionStatus.RUNNING) {
      throw InvalidInputException.conflict("outcome", "problem.review.notRunning", interventionId, i.getStatus());
    }
    Instant now = clock.instant();
    InterventionReview r = new InterventionReview();
    r.setInterventionId(interventionId);
    r.setCaseId(caseId);
    r.setOutcome(outcome);
    r.setReason(reason.trim());
    r.setPlannedEndBefore(i.getPlannedEnd());
    r.setReviewedAt(now);
    r.setReviewedBy(user);
    switch (outcome) {
      case EXTEND -> {
        r.setNewPlannedEnd(newPlannedEnd);
        i.setPlannedEnd(newPlannedEnd);
      }
      case STEP_DOWN -> r.setStepDownKey(i.getNextStepDownKey());
      case END -> {
        i.setStatus(InterventionStatus.ENDED);
        i.setEndedAt(now);
        i.setEndReason(InterventionEndReason.PLANNED_END);
      }
    }
    InterventionReview saved = reviews.save(r);
    log.info("Intervention {} of case {} reviewed before its planned end {}: {}", interventionId, caseId,
        r.getPlannedEndBefore(), outcome);
    return InterventionReviewView.of(saved);
  }

  /** Every review of a case's interventions, oldest first. */
  public List<InterventionReviewView> reviews(long caseId) {
    return reviews.findByCaseIdOrderByIdAsc(caseId).stream().map(InterventionReviewView::of).toList();
  }

  private Intervention entity(long interventionId) {
    return interventions.findById(interventionId)
        .orElseThrow(() -> new NotFoundException("no intervention with id " + interventionId));
  }
}
