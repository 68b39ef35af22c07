package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.PLACEMENT_APPROVED;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.journal.JournalService;
import dk.trappen.parties.PartiesService;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
      @Size(max = 4000, message = "{problem.tooLong}") String note,
      @Size(max = 2000, message = "{problem.tooLong}") String childNotHeardReason) {
  }

  private final StaircaseService staircase;
  private final StepLabels labels;
  private final PartiesService parties;
  private final JournalService journal;

  ApprovePlacementHandler(StaircaseService staircase, StepLabels labels, PartiesService parties,
      JournalService journal) {
    this.staircase = staircase;
    this.labels = labels;
    this.parties = parties;
    this.journal = journal;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("approved", "note", "childNotHeardReason");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    // what the approval rests on (issue 18): the custody holders' consent, and whether the child was heard
    return Map.of("stepLabels", labels.of(form.locale()),
        "custodyConsents", parties.custodyConsents(form.context().caseId()),
        "childConversationHeld", journal.hasChildConversation(form.context().caseId()));
  }

  /**
   * The approval policy: a refused placement needs its reason, so that the caseworker can choose again; an approved
   * one made without a conversation with the child on the case says why the child was not heard.
   */
  @Override
  public List<Problem> problems(TaskContext context, Input in) {
    List<Problem> problems = new ArrayList<>();
    if (Boolean.FALSE.equals(in.approved()) && (in.note() == null || in.note().isBlank())) {
      problems.add(Problem.of("note", "problem.staircase.refusalReason"));
    }
    if (Boolean.TRUE.equals(in.approved())
        && (in.childNotHeardReason() == null || in.childNotHeardReason().isBlank())
        && !journal.hasChildConversation(context.caseId())) {
      problems.add(Problem.of("childNotHeardReason", "problem.staircase.childNotHeard"));
    }
    return problems;
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
    staircase.review(id, in.approved(), in.note(),
        journal.hasChildConversation(context.caseId()) ? null : in.childNotHeardReason(), context.user());
    return Map.of(PLACEMENT_APPROVED, in.approved());
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    Long id = context.longVariable(INTERVENTION_ID);
    Map<String, Object> details = new LinkedHashMap<>();
    if (id != null) {
      details.put("intervention", staircase.intervention(id));
    }
    details.put("custodyConsents", parties.custodyConsents(context.caseId()));
    details.put("childConversationHeld", journal.hasChildConversation(context.caseId()));
    return details;
  }
}
