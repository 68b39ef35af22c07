package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.NOTIFICATION_ID;

import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The re-assessment asked for when a new notification joins an open case. It must be a second opinion: done by a
 * caseworker who has not handled the case before.
 */
@Component
class ReassessmentHandler implements TaskHandler<ReassessmentHandler.Input> {

  record Input(
      @NotBlank(message = "must give the re-assessment") @Size(max = 4000, message = "must be at most 4000 characters")
      String assessment,
      @NotNull(message = "is required: true when the new notification calls for acute measures")
      Boolean acuteMeasuresNeeded) {
  }

  private final IntakeService intake;
  private final CaseService cases;

  ReassessmentHandler(IntakeService intake, CaseService cases) {
    this.intake = intake;
    this.cases = cases;
  }

  @Override
  public String taskKey() {
    return "Task_Reassessment";
  }

  @Override
  public String kind() {
    return "reassessment";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public void checkMayWork(TaskContext context) {
    if (cases.hasHandled(context.caseId(), context.user())) {
      throw InvalidInputException.conflict("assignee", context.user() + " has handled case " + context.caseNumber()
          + " before; the re-assessment must be a second opinion by a caseworker new to the case");
    }
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    intake.recordAcuteAssessment(context.longVariable(NOTIFICATION_ID),
        in.acuteMeasuresNeeded() ? AcuteOutcome.ACUTE_MEASURES : AcuteOutcome.INVESTIGATE, in.assessment(),
        context.user());
    return Map.of();
  }
}
