package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.PLACEMENT_APPROVED;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The team leader's approval of a placement. A refusal needs a reason (the caseworker then chooses again), and the
 * person who chose the placement cannot approve it.
 */
@Component
class ApprovePlacementHandler implements TaskHandler<ApprovePlacementHandler.Input>,
    TaskForm<ApprovePlacementHandler.Input> {

  record Input(
      @NotNull(message = "{problem.staircase.approved.required}") Boolean approved,
      @Size(max = 4000, message = "{problem.tooLong}") String note) {
  }

  private final StaircaseService staircase;
  private final StepLabels labels;

  ApprovePlacementHandler(StaircaseService staircase, StepLabels labels) {
    this.staircase = staircase;
    this.labels = labels;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("approved", "note");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    return Map.of("stepLabels", labels.of(form.locale()));
  }

  /** The refusal policy: a refused placement needs its reason, so that the caseworker can choose again. */
  @Override
  public List<Problem> problems(TaskContext context, Input in) {
    return Boolean.FALSE.equals(in.approved()) && (in.note() == null || in.note().isBlank())
        ? List.of(Problem.of("note", "problem.staircase.refusalReason")) : List.of();
  }

  @Override
  public String taskKey() {
    return "Task_ApprovePlacement";
  }

  @Override
  public String kind() {
    return "approve-placement";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public void checkMayWork(TaskContext context) {
    Long id = context.longVariable(INTERVENTION_ID);
    if (id != null && context.user().equals(staircase.intervention(id).decidedBy())) {
      throw InvalidInputException.conflict("assignee", "problem.staircase.ownPlacement", context.user());
    }
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    Long id = context.longVariable(INTERVENTION_ID);
    if (id == null) {
      throw new IllegalStateException("task " + context.taskId() + " has no process variable " + INTERVENTION_ID);
    }
    staircase.review(id, in.approved(), in.note(), context.user());
    return Map.of(PLACEMENT_APPROVED, in.approved());
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    Long id = context.longVariable(INTERVENTION_ID);
    return id == null ? Map.of() : Map.of("intervention", staircase.intervention(id));
  }
}
