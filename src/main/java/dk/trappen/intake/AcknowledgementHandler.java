package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.NOTIFICATION_ID;

import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The acknowledgement sent to a professional notifier. */
@Component
class AcknowledgementHandler implements TaskHandler<AcknowledgementHandler.Input>,
    TaskForm<AcknowledgementHandler.Input> {

  record Input(@Size(max = 2000, message = "{problem.tooLong}") String note) {
  }

  private final IntakeService intake;

  AcknowledgementHandler(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public String taskKey() {
    return "Task_SendAcknowledgement";
  }

  @Override
  public String kind() {
    return "acknowledgement";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("note");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    return Map.of("notifications", AcuteAssessmentHandler.notifications(intake, form));
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    intake.recordAcknowledgement(context.longVariable(NOTIFICATION_ID), context.user());
    return Map.of();
  }
}
