package dk.trappen.staircase;

import java.time.LocalDate;

/**
 * A caseworker's choice of a step, as {@link StaircaseService#decide} records it.
 *
 * @param reason                 why the step is chosen; EMERGENCY marks the intervention as an emergency step
 * @param replacesInterventionId the running intervention this one replaces when it starts (a step change), or null
 * @param childNotHeardReason    why no conversation with the child was held before the choice; null when one was
 */
public record StepDecision(long caseId, String stepKey, String description, LocalDate plannedEnd,
                           String nextStepDownKey, String justification, String recommendedStepKey,
                           SelectionReason reason, Long replacesInterventionId, String decidedBy,
                           String childNotHeardReason) {

  public boolean emergency() {
    return reason == SelectionReason.EMERGENCY;
  }
}
