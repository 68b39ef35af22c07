package dk.trappen.plan;

import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The youth plan, due on the 16th birthday; it becomes the case's current plan. */
@Component
class YouthPlanHandler implements TaskHandler<PlanInput>, TaskForm<PlanInput> {

  private final PlanService plans;

  YouthPlanHandler(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public String taskKey() {
    return "Task_WriteYouthPlan";
  }

  @Override
  public String kind() {
    return "youth-plan";
  }

  @Override
  public Class<PlanInput> payloadType() {
    return PlanInput.class;
  }

  @Override
  public List<String> fieldOrder() {
    return PlanForm.FIELD_ORDER;
  }

  @Override
  public String template() {
    return PlanForm.TEMPLATE;
  }

  @Override
  public PlanInput prefill(FormContext form) {
    return PlanForm.prefill(plans, form);
  }

  @Override
  public Map<String, Object> complete(TaskContext context, PlanInput in) {
    plans.write(context.caseId(), true, in, context.user());
    return Map.of();
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    return plans.current(context.caseId()).<Map<String, Object>>map(p -> Map.of("currentPlan", p)).orElse(Map.of());
  }
}
