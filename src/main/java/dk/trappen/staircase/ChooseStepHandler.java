package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.INTERVENTION_DECIDED_AT;
import static dk.trappen.common.ProcessVariables.INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.PLACEMENT_STEP;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_CATEGORY;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_STEP_KEY;
import static dk.trappen.common.ProcessVariables.REPLACES_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.journal.JournalService;
import dk.trappen.parties.PartiesService;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Choosing a step on the staircase ("start on the RIGHT step"). The recommendation is the step of variable
 * {@code recommendedStepKey} (set by a network meeting's step change) or else the step covering
 * {@code recommendedCategory} (the step-recommendation decision); a step higher than recommended must be justified.
 * Every intervention gets a planned end and a planned next step down from day one.
 */
@Component
class ChooseStepHandler implements TaskHandler<ChooseStepHandler.Input>, TaskForm<ChooseStepHandler.Input> {

  record Input(
      @NotBlank(message = "{problem.staircase.stepKey.required}") String stepKey,
      @NotBlank(message = "{problem.staircase.description.required}")
      @Size(max = 4000, message = "{problem.tooLong}") String description,
      @NotNull(message = "{problem.staircase.plannedEnd.required}")
      @Future(message = "{problem.afterToday}") LocalDate plannedEnd,
      @NotBlank(message = "{problem.staircase.nextStepDownKey.required}")
      String nextStepDownKey,
      @Size(max = 4000, message = "{problem.tooLong}") String justification,
      @Size(max = 2000, message = "{problem.tooLong}") String childNotHeardReason) {
  }

  private final StaircaseService staircase;
  private final StepLabels labels;
  private final PartiesService parties;
  private final JournalService journal;

  ChooseStepHandler(StaircaseService staircase, StepLabels labels, PartiesService parties, JournalService journal) {
    this.staircase = staircase;
    this.labels = labels;
    this.parties = parties;
    this.journal = journal;
  }

  @Override
  public String taskKey() {
    return "Task_ChooseStep";
  }

  @Override
  public String kind() {
    return "choose-step";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("stepKey", "justification", "description", "plannedEnd", "nextStepDownKey",
        "childNotHeardReason");
  }

  /** The recommended step, and the step below it as the planned next step down. */
  @Override
  public Input prefill(FormContext form) {
    return recommendation(form.context()).map(r -> new Input(r.key(), null, null, staircase.steps().stream()
        .filter(s -> s.position() == r.position() - 1).map(Step::key).findFirst().orElse(Staircase.ORDINARY_LIFE),
        null, null)).orElse(null);
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("steps", staircase.steps());
    model.put("recommended", recommendation(form.context()).map(Step::key).orElse(null));
    model.put("stepLabels", labels.of(form.locale()));
    // what the decision rests on: the custody holders' consent, and whether the child was heard (issue 18)
    model.put("custodyConsents", parties.custodyConsents(form.context().caseId()));
    model.put("childConversationHeld", journal.hasChildConversation(form.context().caseId()));
    return model;
  }

  /**
   * The step policy: the step is on the staircase, the next step down lies below it, a step higher than recommended
   * is justified, and a choice made without a conversation with the child on the case says why (Barnets Lov § 19
   * and § 127: the child is heard before a decision).
   */
  @Override
  public List<Problem> problems(TaskContext context, Input in) {
    List<Problem> errors = new ArrayList<>();
    Step chosen = in.stepKey() == null ? null : staircase.step(in.stepKey()).orElse(null);
    if (chosen == null && in.stepKey() != null) {
      errors.add(Problem.of("stepKey", "problem.staircase.unknownStep", in.stepKey(), keys()));
    } else if (chosen != null) {
      if (in.nextStepDownKey() != null) {
        checkNextStepDown(in.nextStepDownKey(), chosen, errors);
      }
      recommendation(context).filter(r -> chosen.position() > r.position())
          .filter(r -> in.justification() == null || in.justification().isBlank())
          .ifPresent(r -> errors.add(Problem.of("justification", "problem.staircase.higherThanRecommended",
              chosen.key(), chosen.position(), r.key(), r.position())));
    }
    if ((in.childNotHeardReason() == null || in.childNotHeardReason().isBlank())
        && !journal.hasChildConversation(context.caseId())) {
      errors.add(Problem.of("childNotHeardReason", "problem.staircase.childNotHeard"));
    }
    return errors;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    SelectionReason reason = SelectionReason.of(context.variable(SELECTION_REASON));
    Optional<Step> recommended = recommendation(context);
    Step chosen = staircase.step(in.stepKey()).orElseThrow();
    Long replaces = reason == SelectionReason.STEP_CHANGE ? context.longVariable(REPLACES_INTERVENTION_ID) : null;
    InterventionView decided = staircase.decide(new StepDecision(context.caseId(), chosen.key(), in.description().trim(),
        in.plannedEnd(), in.nextStepDownKey(), in.justification(), recommended.map(Step::key).orElse(null), reason,
        replaces, context.user(), journal.hasChildConversation(context.caseId()) ? null : in.childNotHeardReason()));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(INTERVENTION_ID, decided.id());
    vars.put(PLACEMENT_STEP, decided.placement());
    vars.put(INTERVENTION_DECIDED_AT, Date.from(decided.decidedAt()));
    return vars;
  }

  private void checkNextStepDown(String key, Step chosen, List<Problem> errors) {
    if (Staircase.ORDINARY_LIFE.equals(key)) {
      return;
    }
    Optional<Step> next = staircase.step(key);
    if (next.isEmpty()) {
      errors.add(Problem.of("nextStepDownKey", "problem.staircase.unknownStepBelow", key, chosen.key(),
          Staircase.ORDINARY_LIFE));
    } else if (next.get().position() >= chosen.position()) {
      errors.add(Problem.of("nextStepDownKey", "problem.staircase.notBelow", chosen.key(), chosen.position(),
          Staircase.ORDINARY_LIFE, key, next.get().position()));
    }
  }

  /** The recommended step: {@code recommendedStepKey} if set, else the step covering {@code recommendedCategory}. */
  Optional<Step> recommendation(TaskContext context) {
    Object key = context.variable(RECOMMENDED_STEP_KEY);
    if (key != null) {
      Optional<Step> step = staircase.step(key.toString());
      if (step.isPresent()) {
        return step;
      }
    }
    Object category = context.variable(RECOMMENDED_CATEGORY);
    if (category != null) {
      for (HelpCategory c : HelpCategory.values()) {
        if (c.name().equals(category.toString())) {
          return Optional.of(staircase.recommendedStep(c));
        }
      }
    }
    return Optional.empty();
  }

  private String keys() {
    return String.join(", ", staircase.steps().stream().map(Step::key).toList());
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("staircase", staircase.name());
    details.put("selectionReason", SelectionReason.of(context.variable(SELECTION_REASON)).name());
    Optional<Step> recommended = recommendation(context);
    details.put("recommendedCategory", context.variable(RECOMMENDED_CATEGORY));
    details.put("recommendedStepKey", recommended.map(Step::key).orElse(null));
    details.put("recommendedStepName", recommended.map(Step::name).orElse(null));
    details.put("recommendedStepNameEn", recommended.map(Step::nameEn).orElse(null));
    Long replaces = context.longVariable(REPLACES_INTERVENTION_ID);
    if (replaces != null && SelectionReason.of(context.variable(SELECTION_REASON)) == SelectionReason.STEP_CHANGE) {
      InterventionView old = staircase.intervention(replaces);
      details.put("replacesInterventionId", old.id());
      details.put("replacesStepKey", old.stepKey());
    }
    details.put("steps", staircase.steps());
    details.put("ordinaryLife", Staircase.ORDINARY_LIFE);
    // what the decision rests on (issue 18), for the API's task too: the custody holders' latest consent records
    // and whether a conversation with the child is in the journal
    details.put("custodyConsents", parties.custodyConsents(context.caseId()));
    details.put("childConversationHeld", journal.hasChildConversation(context.caseId()));
    return details;
  }
}
