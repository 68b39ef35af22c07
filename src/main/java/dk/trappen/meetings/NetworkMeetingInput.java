package dk.trappen.meetings;

import dk.trappen.common.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A network meeting as the caseworker records it: the payload of the network-meeting task.
 *
 * @param interventionId the running intervention the decision is about; required to step up or down
 * @param closureReason  required to close the case
 * @param heldAt         when the meeting was held (not in the future, within the configured limit); left out: now
 * @param outcomes       the outcome indicators answered about the youth (config/outcomes.yml), by key: true (yes),
 *                       false (no); null or left out: not assessed. Only indicators asked at the youth's age.
 * @param safetyPlanReviews the meeting's review of the case's safety plans, at most one per plan
 */
public record NetworkMeetingInput(
    @NotEmpty(message = "{problem.meeting.participants.required}")
    @Size(max = 50, message = "{problem.meeting.participants.tooMany}")
    List<@NotNull(message = "{problem.meeting.participant.required}") @Valid Participant> participants,
    @Size(max = 50, message = "{problem.meeting.goalProgress.tooMany}")
    List<@NotNull(message = "{problem.meeting.progress.required}") @Valid Progress> goalProgress,
    @NotNull(message = "{problem.meeting.youthSatisfaction.required}")
    @Min(value = 1, message = "{problem.meeting.youthSatisfaction.range}") @Max(value = 5, message = "{problem.meeting.youthSatisfaction.range}")
    Integer youthSatisfaction,
    @Size(max = 4000, message = "{problem.tooLong}") String youthVoice,
    @NotNull(message = "{problem.meeting.decision.required}") MeetingDecision decision,
    @NotBlank(message = "{problem.meeting.decisionNote.required}")
    @Size(max = 4000, message = "{problem.tooLong}") String decisionNote,
    Long interventionId,
    MeetingClosureReason closureReason,
    Instant heldAt,
    Map<String, Boolean> outcomes,
    @Size(max = 50, message = "{problem.meeting.safetyPlanReviews.tooMany}")
    List<@NotNull(message = "{problem.meeting.safetyPlanReview.required}") @Valid SafetyPlanReview> safetyPlanReviews) {

  public List<Progress> goalProgressOrEmpty() {
    return goalProgress == null ? List.of() : goalProgress;
  }

  public Map<String, Boolean> outcomesOrEmpty() {
    return outcomes == null ? Map.of() : outcomes;
  }

  public List<SafetyPlanReview> safetyPlanReviewsOrEmpty() {
    return safetyPlanReviews == null ? List.of() : safetyPlanReviews;
  }

  /** Someone who took part. */
  public record Participant(
      @NotNull(message = "{problem.meeting.participant.role.required}")
      ParticipantRole role,
      @NotBlank(message = "{problem.meeting.participant.name.required}") @Size(max = 200, message = "{problem.tooLong}")
      @PersonName String name) {
  }

  /** A goal of the case's current plan and how far it has come. */
  public record Progress(
      @NotNull(message = "{problem.meeting.goalId.required}") Long goalId,
      @NotNull(message = "{problem.meeting.progress.progress.required}")
      @Min(value = 0, message = "{problem.meeting.progress.range}") @Max(value = 10, message = "{problem.meeting.progress.range}")
      Integer progress,
      @Size(max = 2000, message = "{problem.tooLong}") String comment) {
  }

  /** The meeting's review of a safety plan of the case: whether it holds, and a note. */
  public record SafetyPlanReview(
      @NotNull(message = "{problem.meeting.safetyPlanId.required}") Long safetyPlanId,
      @NotNull(message = "{problem.meeting.safetyPlan.holds.required}") Boolean holds,
      @Size(max = 4000, message = "{problem.tooLong}") String note) {
  }
}
