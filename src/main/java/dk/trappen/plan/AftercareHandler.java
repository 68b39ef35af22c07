package dk.trappen.plan;

import static dk.trappen.common.ProcessVariables.AFTERCARE_GRANTED;

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
 * The aftercare assessment, six months before the 18th birthday. Without aftercare the case closes on the
 * birthday.
 */
@Component
class AftercareHandler implements TaskHandler<AftercareHandler.Input>, TaskForm<AftercareHandler.Input> {

  record Input(
      @NotNull(message = "{problem.aftercare.granted.required}") Boolean granted,
      @NotBlank(message = "{problem.aftercare.note.required}")
      @Size(max = 4000, message = "{problem.tooLong}") String note) {
  }

  private final PlanService plans;

  AftercareHandler(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public String taskKey() {
    return "Task_AssessAftercare";
  }

  @Override
  public String kind() {
    return "aftercare";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("granted", "note");
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    plans.recordAftercare(context.caseId(), in.granted(), in.note(), context.user());
    return Map.of(AFTERCARE_GRANTED, in.granted());
  }
}
