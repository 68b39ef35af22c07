package dk.trappen.tasks;

import dk.trappen.common.Problem;
import java.util.List;
import java.util.Map;

/**
 * Completes one kind of user task. Implementations live in the feature that owns the task's domain data; they are
 * Spring beans found by {@link #taskKey()}.
 *
 * @param <P> the payload type; validated with Bean Validation before {@link #complete} is called
 */
public interface TaskHandler<P> {

  /** The BPMN id of the user task, e.g. {@code Task_AcuteAssessment}. */
  String taskKey();

  /** The kind as the API names it, e.g. {@code acute-assessment}. */
  String kind();

  Class<P> payloadType();

  /**
   * Does the domain work of completing the task and returns the process variables to complete it with; called once
   * the payload is valid. Throws {@link dk.trappen.common.InvalidInputException} for what {@link #problems} finds
   * (the whole request is then rolled back).
   */
  Map<String, Object> complete(TaskContext context, P payload);

  /**
   * The context policy of the task: every problem of a payload that may be valid on its own but not in its context
   * (a higher step than recommended without a justification, acute measures without the findings they need), all at
   * once. {@link #complete} runs it first and refuses what it finds; the form runs the same method to show the same
   * result. It must tolerate a payload that failed validation (fields may be null).
   */
  default List<Problem> problems(TaskContext context, P payload) {
    return List.of();
  }

  /** Refuses a user who may not work this task (claim or complete); by default everyone in its groups may. */
  default void checkMayWork(TaskContext context) {
  }

  /**
   * Whether a new task of this kind goes straight to the case's caseworker (a team's follow-on work, the default). A
   * task that someone else must do (a second opinion) stays with the team to claim.
   */
  default boolean goesToCaseworker() {
    return true;
  }

  /** Extra facts the form for this task shows (a recommendation, for example); empty by default. */
  default Map<String, Object> details(TaskContext context) {
    return Map.of();
  }
}
