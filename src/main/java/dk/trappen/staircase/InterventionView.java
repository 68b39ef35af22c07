package dk.trappen.staircase;

import java.time.Instant;
import java.time.LocalDate;

/** An intervention as other features and the API see it. */
public record InterventionView(long id, long caseId, String stepKey, String stepName, int position, boolean placement,
                               String description, InterventionStatus status, boolean emergency,
                               String recommendedStepKey, String justification, Instant decidedAt, String decidedBy,
                               Instant approvedAt, String approvedBy, Instant rejectedAt, String rejectedBy,
                               String approvalNote, Instant startedAt, LocalDate plannedEnd, String nextStepDownKey,
                               Instant endedAt, InterventionEndReason endReason, Long replacesId,
                               String childNotHeardReason, String approvalChildNotHeardReason) {

  static InterventionView of(Intervention i) {
    return new InterventionView(i.getId(), i.getCaseId(), i.getStepKey(), i.getStepName(), i.getStepPosition(),
        i.isPlacement(), i.getDescription(), i.getStatus(), i.isEmergency(), i.getRecommendedStepKey(),
        i.getJustification(), i.getDecidedAt(), i.getDecidedBy(), i.getApprovedAt(), i.getApprovedBy(),
        i.getRejectedAt(), i.getRejectedBy(), i.getApprovalNote(), i.getStartedAt(), i.getPlannedEnd(),
        i.getNextStepDownKey(), i.getEndedAt(), i.getEndReason(), i.getReplacesId(), i.getChildNotHeardReason(),
        i.getApprovalChildNotHeardReason());
  }

  public boolean running() {
    return status == InterventionStatus.RUNNING;
  }
}
