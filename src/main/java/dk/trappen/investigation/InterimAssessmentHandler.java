package dk.trappen.investigation;

import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The interim assessment (Barnets Lov § 20, stk. 3) asked for when the investigation turns at risk of not finishing
 * within its deadline; due with the investigation, and removed when the investigation finishes first.
 */
@Component
class InterimAssessmentHandler implements TaskHandler<InterimAssessmentHandler.Input>,
    TaskForm<InterimAssessmentHandler.Input> {

  record Input(
      @NotBlank(message = "{problem.investigation.interim.required}")
      @Size(max = 10000, message = "{problem.tooLong}") String assessment) {
  }

  private final InvestigationService investigations;

  InterimAssessmentHandler(InvestigationService investigations) {
    this.investigations = investigations;
  }

  @Override
  public String taskKey() {
    return "Task_InterimAssessment";
  }

  @Override
  public String kind() {
    return "interim-assessment";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("assessment");
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    investigations.recordInterimAssessment(context.caseId(), in.assessment(), context.user());
    return Map.of();
  }
}
