package dk.trappen.plan;

import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writing a plan, as one of two tasks with one form: the action plan, written with the youth and the family, due 3
 * months after the decision on an intervention; and the youth plan, due on the 16th birthday. Either becomes the
 * case's current plan; the form starts from the current one.
 */
class PlanTask implements TaskHandler<PlanInput>, TaskForm<PlanInput> {

  /** The plan's fields in the order the form shows them, at every depth. */
  static final List<String> FIELD_ORDER = List.of("youthOwnWords", "goals", "title", "successCriterion", "owner",
      "targetDate", "youthOwn", "subGoals");

  private final String taskKey;
  private final String kind;
  private final boolean youthPlan;
  private final PlanService plans;

  private PlanTask(String taskKey, String kind, boolean youthPlan, PlanService plans) {
    this.taskKey = taskKey;
    this.kind = kind;
    this.youthPlan = youthPlan;
    this.plans = plans;
  }

  /** The two plan tasks as beans. */
  @Configuration(proxyBeanMethods = false)
  static class Beans {

    @Bean
    PlanTask actionPlanTask(PlanService plans) {
      return new PlanTask("Task_WriteActionPlan", "action-plan", false, plans);
    }

    @Bean
    PlanTask youthPlanTask(PlanService plans) {
      return new PlanTask("Task_WriteYouthPlan", "youth-plan", true, plans);
    }
  }

  @Override
  public String taskKey() {
    return taskKey;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Class<PlanInput> payloadType() {
    return PlanInput.class;
  }

  @Override
  public List<String> fieldOrder() {
    return FIELD_ORDER;
  }

  /** The youth plan is written in the action plan's form. */
  @Override
  public String template() {
    return "forms/action-plan";
  }

  /** The case's current plan as the payload the form starts with; null when there is none. */
  @Override
  public PlanInput prefill(FormContext form) {
    return plans.current(form.context().caseId()).map(plan -> new PlanInput(plan.youthOwnWords(),
        plan.goals().stream().map(g -> new PlanInput.Goal(g.title(), g.successCriterion(), g.owner(), g.targetDate(),
            g.youthOwn(), g.subGoals().stream().map(s -> new PlanInput.SubGoal(s.title(), s.targetDate())).toList()))
            .toList())).orElse(null);
  }

  @Override
  public Map<String, Object> complete(TaskContext context, PlanInput in) {
    plans.write(context.caseId(), youthPlan, in, context.user());
    return Map.of();
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    return plans.current(context.caseId()).<Map<String, Object>>map(p -> Map.of("currentPlan", p)).orElse(Map.of());
  }
}
