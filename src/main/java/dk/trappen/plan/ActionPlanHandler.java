package dk.trappen.plan;

import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The action plan, written with the youth and the family, due 3 months after the decision on an intervention. */
@Component
class ActionPlanHandler implements TaskHandler<PlanInput>, TaskForm<PlanInput> {

  private final PlanService plans;

  ActionPlanHandler(PlanService plans) {
    this.plans = plans;
  }

  @Override
  public String taskKey() {
    return "Task_WriteActionPlan";
  }

  @Override
  public String kind() {
    return "action-plan";
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
    plans.write(context.caseId(), false, in, context.user());
    return Map.of();
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    return plans.current(context.caseId()).<Map<String, Object>>map(p -> Map.of("currentPlan", p)).orElse(Map.of());
  }
}
