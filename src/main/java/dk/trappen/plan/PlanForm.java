package dk.trappen.plan;

import dk.trappen.tasks.FormContext;
import java.util.List;

/** What the action plan and youth plan forms have in common: their fields, and the current plan to start from. */
final class PlanForm {

  /** The plan's fields in the order the form shows them, at every depth. */
  static final List<String> FIELD_ORDER = List.of("youthOwnWords", "goals", "title", "successCriterion", "owner",
      "targetDate", "youthOwn", "subGoals");

  /** The youth plan is written in the action plan's form. */
  static final String TEMPLATE = "forms/action-plan";

  private PlanForm() {
  }

  /** The case's current plan as the payload the form starts with; null when there is none. */
  static PlanInput prefill(PlanService plans, FormContext form) {
    return plans.current(form.context().caseId()).map(plan -> new PlanInput(plan.youthOwnWords(),
        plan.goals().stream().map(g -> new PlanInput.Goal(g.title(), g.successCriterion(), g.owner(), g.targetDate(),
            g.youthOwn(), g.subGoals().stream().map(s -> new PlanInput.SubGoal(s.title(), s.targetDate())).toList()))
            .toList())).orElse(null);
  }
}
