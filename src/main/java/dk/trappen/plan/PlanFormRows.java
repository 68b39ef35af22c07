package dk.trappen.plan;

import dk.trappen.tasks.FormView;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The rows the action plan and youth plan forms add with htmx: a goal (with its first sub-goal) and a sub-goal. */
@Controller
class PlanFormRows {

  private final PlanTask form;
  private final MessageSource messages;

  /** Both plan tasks share the form; the action plan's stands for both. */
  PlanFormRows(@Qualifier("actionPlanTask") PlanTask form, MessageSource messages) {
    this.form = form;
    this.messages = messages;
  }

  /** A new goal, number {@code index} from 0, and the button that adds the next one. */
  @GetMapping("/tasks/{id}/goal-row")
  String goalRow(@PathVariable String id, @RequestParam int index, Model model, Locale locale) {
    model.addAttribute("taskId", id);
    model.addAttribute("g", bounded(index));
    model.addAttribute("f", FormView.row(form, "goals[" + index + "].title", messages, locale));
    return "forms/plan-fields :: goal-added";
  }

  /** A new sub-goal of goal {@code goal}, and the button that adds the next one. */
  @GetMapping("/tasks/{id}/subgoal-row")
  String subGoalRow(@PathVariable String id, @RequestParam int goal, @RequestParam int index, Model model,
      Locale locale) {
    model.addAttribute("taskId", id);
    model.addAttribute("g", bounded(goal));
    model.addAttribute("s", bounded(index));
    model.addAttribute("f", FormView.row(form, "goals[" + goal + "].subGoals[" + index + "].title", messages,
        locale));
    return "forms/plan-fields :: subgoal-added";
  }

  static int bounded(int index) {
    if (index < 0 || index > 99) {
      throw new IllegalArgumentException("index out of range: " + index);
    }
    return index;
  }
}
