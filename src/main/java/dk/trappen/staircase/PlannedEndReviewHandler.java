package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.REVIEWED_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.REVIEW_OUTCOME;
import static dk.trappen.common.ProcessVariables.REVIEW_STEP_DOWN_KEY;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.deadlines.DeadlineRules;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Forbered nedtrapning" / "Prepare the step down": the review before an intervention's planned end
 * ({@code Task_PlannedEndReview}). The caseworker steps down as planned (to the recorded next step down, chosen in the
 * step selection that follows), extends the intervention with a new planned end, or ends it; always with a reason.
 * The reviewed intervention is the task's {@code reviewedInterventionId}.
 */
@Component
class PlannedEndReviewHandler implements TaskHandler<PlannedEndReviewHandler.Input>,
    TaskForm<PlannedEndReviewHandler.Input> {

  record Input(
      @NotNull(message = "{problem.review.outcome.required}") PlannedEndOutcome outcome,
      LocalDate newPlannedEnd,
      @NotBlank(message = "{problem.review.reason.required}")
      @Size(max = 4000, message = "{problem.tooLong}") String reason) {
  }

  private final PlannedEndReviews reviews;
  private final StaircaseService staircase;
  private final StepLabels labels;
  private final ZoneId zone;

  PlannedEndReviewHandler(PlannedEndReviews reviews, StaircaseService staircase, StepLabels labels,
      DeadlineRules rules) {
    this.reviews = reviews;
    this.staircase = staircase;
    this.labels = labels;
    this.zone = rules.zone();
  }

  @Override
  public String taskKey() {
    return "Task_PlannedEndReview";
  }

  @Override
  public String kind() {
    return "planned-end-review";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("outcome", "newPlannedEnd", "reason");
  }

  /**
   * The review policy, every problem at once: the intervention still runs; a step down needs a step to go down to
   * (below step 1 lies the common goal, which is ending the intervention); an extension names a new planned end after
   * today and after the current one; only an extension names one.
   */
  @Override
  public List<Problem> problems(TaskContext context, Input in) {
    List<Problem> errors = new ArrayList<>();
    InterventionView i = reviewed(context);
    if (!i.running()) {
      errors.add(Problem.of("outcome", "problem.review.notRunning", i.id(), i.status()));
      return errors;
    }
    if (in.outcome() == PlannedEndOutcome.STEP_DOWN) {
      String next = i.nextStepDownKey();
      if (next == null) {
        errors.add(Problem.of("outcome", "problem.review.stepDown.noNextStep", i.id()));
      } else if (Staircase.ORDINARY_LIFE.equals(next)) {
        errors.add(Problem.of("outcome", "problem.review.stepDown.ordinaryLife", i.stepKey()));
      } else if (staircase.step(next).isEmpty()) {
        errors.add(Problem.of("outcome", "problem.review.stepDown.unknownStep", next));
      }
    }
    LocalDate today = context.now().atZone(zone).toLocalDate();
    if (in.outcome() == PlannedEndOutcome.EXTEND) {
      if (in.newPlannedEnd() == null) {
        errors.add(Problem.of("newPlannedEnd", "problem.review.newPlannedEnd.required"));
      } else if (!in.newPlannedEnd().isAfter(today)) {
        errors.add(Problem.of("newPlannedEnd", "problem.review.newPlannedEnd.notFuture", in.newPlannedEnd(), today));
      } else if (i.plannedEnd() != null && !in.newPlannedEnd().isAfter(i.plannedEnd())) {
        errors.add(Problem.of("newPlannedEnd", "problem.review.newPlannedEnd.notLater", in.newPlannedEnd(),
            i.plannedEnd()));
      }
    } else if (in.outcome() != null && in.newPlannedEnd() != null) {
      errors.add(Problem.of("newPlannedEnd", "problem.review.newPlannedEnd.onlyForExtend", in.outcome()));
    }
    return errors;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    InterventionReviewView review = reviews.record(context.caseId(), reviewedId(context), in.outcome(),
        in.newPlannedEnd(), in.reason(), context.user());
    Map<String, Object> vars = new HashMap<>();
    vars.put(REVIEW_OUTCOME, review.outcome().name());
    vars.put(REVIEW_STEP_DOWN_KEY, review.stepDownKey());
    return vars;
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    InterventionView i = reviewed(form.context());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("intervention", i);
    model.put("outcomes", Arrays.stream(PlannedEndOutcome.values()).map(Enum::name).toList());
    model.put("stepLabels", labels.of(form.locale()));
    model.put("earlierReviews", earlier(form.context().caseId(), i.id()));
    return model;
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    InterventionView i = reviewed(context);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("intervention", i);
    details.put("plannedEnd", i.plannedEnd());
    details.put("nextStepDownKey", i.nextStepDownKey());
    Optional<Step> next = i.nextStepDownKey() == null ? Optional.empty() : staircase.step(i.nextStepDownKey());
    details.put("nextStepDownName", next.map(Step::name).orElse(null));
    details.put("nextStepDownNameEn", next.map(Step::nameEn).orElse(null));
    details.put("ordinaryLife", Staircase.ORDINARY_LIFE);
    details.put("outcomes", Arrays.stream(PlannedEndOutcome.values()).map(Enum::name).toList());
    details.put("earlierReviews", earlier(context.caseId(), i.id()));
    return details;
  }

  private List<InterventionReviewView> earlier(long caseId, long interventionId) {
    return reviews.reviews(caseId).stream().filter(r -> r.interventionId() == interventionId).toList();
  }

  private InterventionView reviewed(TaskContext context) {
    return staircase.intervention(reviewedId(context));
  }

  private static long reviewedId(TaskContext context) {
    Long id = context.longVariable(REVIEWED_INTERVENTION_ID);
    if (id == null) {
      throw new IllegalStateException("task " + context.taskId() + " has no " + REVIEWED_INTERVENTION_ID);
    }
    return id;
  }
}
