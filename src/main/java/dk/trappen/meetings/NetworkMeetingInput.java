package dk.trappen.meetings;

import dk.trappen.common.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A network meeting as the caseworker records it: the payload of the network-meeting task.
 *
 * @param interventionId the running intervention the decision is about; required to step up or down
 * @param closureReason  required to close the case
 */
public record NetworkMeetingInput(
    @NotEmpty(message = "must list who took part in the meeting")
    @Size(max = 50, message = "must list at most 50 participants")
    List<@NotNull(message = "must be a participant") @Valid Participant> participants,
    @Size(max = 50, message = "must rate at most 50 goals")
    List<@NotNull(message = "must be a goal's progress") @Valid Progress> goalProgress,
    @NotNull(message = "is required: the youth's satisfaction from 1 (very unhappy) to 5 (very happy)")
    @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
    Integer youthSatisfaction,
    @Size(max = 4000, message = "must be at most 4000 characters") String youthVoice,
    @NotNull(message = "is required: CONTINUE, STEP_UP, STEP_DOWN, ADD_PARALLEL or CLOSE") MeetingDecision decision,
    @NotBlank(message = "must give the grounds of the decision")
    @Size(max = 4000, message = "must be at most 4000 characters") String decisionNote,
    Long interventionId,
    MeetingClosureReason closureReason) {

  public List<Progress> goalProgressOrEmpty() {
    return goalProgress == null ? List.of() : goalProgress;
  }

  /** Someone who took part. */
  public record Participant(
      @NotNull(message = "is required: YOUTH, PARENT, NETWORK, SCHOOL, INSTITUTION, CASEWORKER or OTHER")
      ParticipantRole role,
      @NotBlank(message = "must name the participant") @Size(max = 200, message = "must be at most 200 characters")
      @PersonName String name) {
  }

  /** A goal of the case's current plan and how far it has come. */
  public record Progress(
      @NotNull(message = "is required: the id of a goal of the case's current plan") Long goalId,
      @NotNull(message = "is required: from 0 (not started) to 10 (reached)")
      @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10")
      Integer progress,
      @Size(max = 2000, message = "must be at most 2000 characters") String comment) {
  }
}
