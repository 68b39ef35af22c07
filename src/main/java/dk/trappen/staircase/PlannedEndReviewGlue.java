package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.REVIEWED_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.REVIEWED_PLANNED_END;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process glue of the review before an intervention's planned end, the bean {@code plannedEndReview} of
 * {@code bpmn/youth-case.bpmn}: the start listener of {@code SubProcess_ReviewUntilDecided} calls
 * {@code ${plannedEndReview.read(execution)}} each time a review round begins (the first, after an extension, after a
 * step down). It reads the reviewed intervention's id and sets {@code reviewedPlannedEnd} (an ISO date) from the
 * intervention as it is now, the anchor of the review's timer and deadline; the variable is local to the review's
 * {@code SubProcess_PlannedEndReview}, so parallel interventions each have their own.
 */
@Component("plannedEndReview")
public class PlannedEndReviewGlue {

  private final PlannedEndReviews reviews;

  PlannedEndReviewGlue(PlannedEndReviews reviews) {
    this.reviews = reviews;
  }

  /** Start listener of a review round: sets {@code reviewedPlannedEnd} from the reviewed intervention. */
  public void read(DelegateExecution execution) {
    Object id = execution.getVariable(REVIEWED_INTERVENTION_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("process variable " + REVIEWED_INTERVENTION_ID + " is missing or not a number: "
          + id);
    }
    execution.setVariable(REVIEWED_PLANNED_END, reviews.plannedEnd(number.longValue()).toString());
  }
}
