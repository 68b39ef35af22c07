package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.CONCERN_ID;

import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The meeting on a new concern, within a few working days of it being raised. */
@Component
class ConcernResponseHandler implements TaskHandler<ConcernResponseHandler.Input>,
    TaskForm<ConcernResponseHandler.Input> {

  record Input(
      @NotBlank(message = "{problem.concern.response.required}")
      @Size(max = 4000, message = "{problem.tooLong}") String response) {
  }

  private final MeetingsService meetings;

  ConcernResponseHandler(MeetingsService meetings) {
    this.meetings = meetings;
  }

  @Override
  public String taskKey() {
    return "Task_RespondToConcern";
  }

  @Override
  public String kind() {
    return "concern-response";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("response");
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    meetings.respondToConcern(concernId(context), in.response(), context.user());
    return Map.of();
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    Long id = context.longVariable(CONCERN_ID);
    return id == null ? Map.of() : Map.of("concern", meetings.concern(id));
  }

  private static long concernId(TaskContext context) {
    Long id = context.longVariable(CONCERN_ID);
    if (id == null) {
      throw new IllegalStateException("task " + context.taskId() + " has no process variable " + CONCERN_ID);
    }
    return id;
  }
}
