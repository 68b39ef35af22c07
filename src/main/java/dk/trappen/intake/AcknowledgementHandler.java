package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.NOTIFICATION_ID;

import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The acknowledgement sent to a professional notifier. */
@Component
class AcknowledgementHandler implements TaskHandler<AcknowledgementHandler.Input> {

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
  public Map<String, Object> complete(TaskContext context, Input in) {
    intake.recordAcknowledgement(context.longVariable(NOTIFICATION_ID), context.user());
    return Map.of();
  }
}
