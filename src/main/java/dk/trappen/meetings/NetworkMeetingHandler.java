package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;
import static dk.trappen.common.ProcessVariables.DONE_AT;
import static dk.trappen.common.ProcessVariables.LAST_MEETING_AT;
import static dk.trappen.common.ProcessVariables.MEETING_DECISION;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_STEP_KEY;
import static dk.trappen.common.ProcessVariables.REPLACES_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.plan.PlanService;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.SelectionReason;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.StepLabels;
import dk.trappen.staircase.Step;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import java.util.ArrayList;
import java.util.Arrays;
import dk.trappen.common.ProcessVariables;
import dk.trappen.deadlines.DeadlineRules;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The network meeting, at least every 8 weeks while interventions run. Its decision routes the loop: CONTINUE
 * meets again, STEP_UP / STEP_DOWN / ADD_PARALLEL choose a step (CHANGE_STEP, with the adjacent step recommended
 * for a step change), CLOSE ends the interventions and closes the case.
 */
@Component
class NetworkMeetingHandler implements TaskHandler<NetworkMeetingInput>, TaskForm<NetworkMeetingInput> {

  private final MeetingsService meetings;
  private final StaircaseService staircase;
  private final PlanService plans;
  private final StepLabels labels;
  private final HeldAtPolicy heldAt;
  private final ZoneId zone;
  private final OutcomeFields outcomes;
  private final SafetyPlanReviewFields safetyPlans;

  NetworkMeetingHandler(MeetingsService meetings, StaircaseService staircase, PlanService plans, StepLabels labels,
      HeldAtPolicy heldAt, DeadlineRules rules, OutcomeFields outcomes, SafetyPlanReviewFields safetyPlans) {
    this.outcomes = outcomes;
    this.safetyPlans = safetyPlans;
    this.heldAt = heldAt;
    this.zone = rules.zone();
    this.meetings = meetings;
    this.staircase = staircase;
    this.plans = plans;
    this.labels = labels;
  }

  @Override
  public String taskKey() {
    return "Task_HoldNetworkMeeting";
  }

  @Override
  public String kind() {
    return "network-meeting";
  }

  @Override
  public Class<NetworkMeetingInput> payloadType() {
    return NetworkMeetingInput.class;
  }

  /**
   * The meeting policy: rated goals belong to the current plan, once each; a step change names a running
   * intervention that has a step to change to; a closure reason is given exactly when the case closes; the outcome
   * indicators answered are asked at the youth's age; each safety plan reviewed is the case's, once.
   */
  @Override
  public List<Problem> problems(TaskContext context, NetworkMeetingInput in) {
    long caseId = context.caseId();
    List<Problem> errors = new ArrayList<>(heldAt.problems(in.heldAt(), context.now(), zone));
    checkGoals(caseId, in.goalProgressOrEmpty(), errors);
    List<InterventionView> running = staircase.running(caseId);
    boolean stepChange = in.decision() == MeetingDecision.STEP_UP || in.decision() == MeetingDecision.STEP_DOWN;
    boolean up = in.decision() == MeetingDecision.STEP_UP;
    if (in.interventionId() != null && running.stream().noneMatch(i -> i.id() == in.interventionId())) {
      errors.add(running.isEmpty()
          ? Problem.of("interventionId", "problem.meeting.notRunning.noneRunning", in.interventionId())
          : Problem.of("interventionId", "problem.meeting.notRunning", in.interventionId(), describe(running)));
    } else if (stepChange && in.interventionId() == null) {
      errors.add(running.isEmpty()
          ? Problem.of("interventionId", "problem.meeting.stepChange.noneRunning", in.decision())
          : Problem.of("interventionId", "problem.meeting.stepChange", in.decision(), describe(running)));
    } else if (stepChange && staircase.adjacent(in.interventionId(), up).isEmpty()) {
      InterventionView i = running.stream().filter(r -> r.id() == in.interventionId()).findFirst().orElseThrow();
      errors.add(Problem.of("decision", up ? "problem.meeting.topStep" : "problem.meeting.firstStep", i.stepKey()));
    }
    if (in.decision() == MeetingDecision.CLOSE && in.closureReason() == null) {
      errors.add(Problem.of("closureReason", "problem.meeting.closureReason.required"));
    } else if (in.decision() != null && in.decision() != MeetingDecision.CLOSE && in.closureReason() != null) {
      errors.add(Problem.of("closureReason", "problem.meeting.closureReason.onlyForClose"));
    }
    errors.addAll(outcomes.problems(caseId, in.outcomes(), HeldAtPolicy.heldAt(in.heldAt(), context.now())));
    errors.addAll(safetyPlans.problems(caseId, in.safetyPlanReviewsOrEmpty()));
    return errors;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, NetworkMeetingInput in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    long caseId = context.caseId();
    boolean stepChange = in.decision() == MeetingDecision.STEP_UP || in.decision() == MeetingDecision.STEP_DOWN;
    Step adjacent = stepChange
        ? staircase.adjacent(in.interventionId(), in.decision() == MeetingDecision.STEP_UP).orElseThrow() : null;
    MeetingView meeting = meetings.recordMeeting(caseId, in, HeldAtPolicy.heldAt(in.heldAt(), context.now()),
        context.user());
    // in the meeting's transaction, before a closing decision ends the interventions: the step is the active one
    outcomes.record(caseId, meeting.id(), null, in.outcomes(), meeting.heldAt(), context.user());
    safetyPlans.record(meeting.id(), in.safetyPlanReviewsOrEmpty(), meeting.heldAt(), context.user());
    Map<String, Object> vars = new HashMap<>();
    // the next meeting's clock runs from when this one was held; the register records it met then (DONE_AT)
    vars.put(LAST_MEETING_AT, Date.from(meeting.heldAt()));
    vars.put(DONE_AT, ProcessVariables.doneAt(meeting.heldAt()));
    vars.put(REPLACES_INTERVENTION_ID, null);
    vars.put(RECOMMENDED_STEP_KEY, null);
    switch (in.decision()) {
      case CONTINUE -> vars.put(MEETING_DECISION, "CONTINUE");
      case STEP_UP, STEP_DOWN -> {
        vars.put(MEETING_DECISION, "CHANGE_STEP");
        vars.put(SELECTION_REASON, SelectionReason.STEP_CHANGE.name());
        vars.put(REPLACES_INTERVENTION_ID, in.interventionId());
        vars.put(RECOMMENDED_STEP_KEY, adjacent.key());
      }
      case ADD_PARALLEL -> {
        vars.put(MEETING_DECISION, "CHANGE_STEP");
        vars.put(SELECTION_REASON, SelectionReason.PARALLEL.name());
      }
      case CLOSE -> {
        vars.put(MEETING_DECISION, "CLOSE");
        vars.put(CLOSURE_REASON, in.closureReason().name());
        staircase.endAllRunning(caseId, in.closureReason().name());
      }
    }
    return vars;
  }

  private void checkGoals(long caseId, List<NetworkMeetingInput.Progress> progress, List<Problem> errors) {
    if (progress.isEmpty()) {
      return;
    }
    Set<Long> goals = plans.currentGoalIds(caseId);
    Map<Long, Integer> seen = new HashMap<>();
    for (int i = 0; i < progress.size(); i++) {
      Long goalId = progress.get(i) == null ? null : progress.get(i).goalId();
      if (goalId == null) {
        continue;
      }
      String field = "goalProgress[" + i + "].goalId";
      if (goals.isEmpty()) {
        errors.add(Problem.of(field, "problem.meeting.goal.noPlan"));
      } else if (!goals.contains(goalId)) {
        errors.add(Problem.of(field, "problem.meeting.goal.unknown", goalId,
            goals.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))));
      } else if (seen.putIfAbsent(goalId, i) != null) {
        errors.add(Problem.of(field, "problem.meeting.goal.ratedTwice", goalId, seen.get(goalId)));
      }
    }
  }

  /** The running interventions as the problems name them: "11 PREVENTIVE, 12 HOME_BASED". */
  private static String describe(List<InterventionView> running) {
    return running.stream().map(i -> i.id() + " " + i.stepKey()).collect(Collectors.joining(", "));
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("heldAt", "participants", "role", "name", "goalProgress", "goalId", "progress", "comment",
        "youthSatisfaction", "youthVoice", "decision", "interventionId", "closureReason", "decisionNote", "outcomes",
        "safetyPlanReviews", "safetyPlanId", "holds", "note");
  }

  /** The youth and the caseworker as participants, and a row for each goal of the current plan. */
  @Override
  public NetworkMeetingInput prefill(FormContext form) {
    List<NetworkMeetingInput.Participant> participants = new ArrayList<>();
    if (form.task().childName() != null) {
      participants.add(new NetworkMeetingInput.Participant(ParticipantRole.YOUTH, form.task().childName()));
    }
    participants.add(new NetworkMeetingInput.Participant(ParticipantRole.CASEWORKER, form.userDisplayName()));
    List<NetworkMeetingInput.Progress> progress = goals(form).stream()
        .map(g -> new NetworkMeetingInput.Progress(g.id(), null, null)).toList();
    return new NetworkMeetingInput(participants, progress, null, null, null, null, null, null, null, null,
        safetyPlans.prefill(form));
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("goals", goals(form));
    model.put("roles", names(ParticipantRole.values()));
    model.put("decisions", names(MeetingDecision.values()));
    model.put("closureReasons", names(MeetingClosureReason.values()));
    model.put("satisfaction", List.of("1", "2", "3", "4", "5"));
    model.put("progressScale", IntStream.rangeClosed(0, 10).mapToObj(String::valueOf).toList());
    model.put("stepLabels", labels.of(form.locale()));
    model.put("outcomeIndicators", outcomes.rows(form));
    model.put("outcomeChoices", OutcomeFields.CHOICES);
    model.put("safetyPlans", safetyPlans.rows(form));
    model.put("holdsChoices", List.of("true", "false"));
    return model;
  }

  /** Each goal's progress is named by the goal's title in the error summary. */
  @Override
  public Map<String, String> elementNames(FormContext form) {
    Map<String, String> names = new LinkedHashMap<>();
    List<PlanView.GoalView> goals = goals(form);
    for (int i = 0; i < goals.size(); i++) {
      names.put("goalProgress[" + i + "]", goals.get(i).title());
    }
    names.putAll(outcomes.names(form));
    names.putAll(safetyPlans.names(form));
    return names;
  }

  private List<PlanView.GoalView> goals(FormContext form) {
    return plans.current(form.context().caseId()).map(PlanView::goals).orElse(List.of());
  }

  static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    List<InterventionView> running = staircase.running(context.caseId());
    details.put("runningInterventions", running);
    details.put("currentPlan", plans.current(context.caseId()).orElse(null));
    details.put("steps", staircase.steps());
    return details;
  }
}
