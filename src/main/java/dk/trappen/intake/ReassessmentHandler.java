package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.NOTIFICATION_ID;

import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The re-assessment asked for when a new notification joins an open case. It must be a second opinion: done by a
 * caseworker who has not handled the case before.
 */
@Component
class ReassessmentHandler implements TaskHandler<ReassessmentHandler.Input>,
    TaskForm<ReassessmentHandler.Input> {

  record Input(
      @NotBlank(message = "{problem.reassessment.assessment.required}") @Size(max = 4000, message = "{problem.tooLong}")
      String assessment,
      @NotNull(message = "{problem.reassessment.acuteMeasures.required}")
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

  /** A second opinion is someone else's: the task stays with the team, not with the case's caseworker. */
  @Override
  public boolean goesToCaseworker() {
    return false;
  }

  @Override
  public void checkMayWork(TaskContext context) {
    if (cases.hasHandled(context.caseId(), context.user())) {
      throw InvalidInputException.conflict("assignee", "problem.intake.secondOpinion", context.user(),
          context.caseNumber());
    }
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("assessment", "acuteMeasuresNeeded");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    return Map.of("notifications", AcuteAssessmentHandler.notifications(intake, form));
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    intake.recordAcuteAssessment(context.longVariable(NOTIFICATION_ID),
        in.acuteMeasuresNeeded() ? AcuteOutcome.ACUTE_MEASURES : AcuteOutcome.INVESTIGATE, in.assessment(),
        context.user());
    return Map.of();
  }
}
