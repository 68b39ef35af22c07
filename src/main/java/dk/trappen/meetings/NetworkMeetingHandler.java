package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;
import static dk.trappen.common.ProcessVariables.LAST_MEETING_AT;
import static dk.trappen.common.ProcessVariables.MEETING_DECISION;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_STEP_KEY;
import static dk.trappen.common.ProcessVariables.REPLACES_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.plan.PlanService;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.SelectionReason;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskHandler;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The network meeting, at least every 8 weeks while interventions run. Its decision routes the loop: CONTINUE
 * meets again, STEP_UP / STEP_DOWN / ADD_PARALLEL choose a step (CHANGE_STEP, with the adjacent step recommended
 * for a step change), CLOSE ends the interventions and closes the case.
 */
@Component
class NetworkMeetingHandler implements TaskHandler<NetworkMeetingInput> {

  private final MeetingsService meetings;
  private final StaircaseService staircase;
  private final PlanService plans;

  NetworkMeetingHandler(MeetingsService meetings, StaircaseService staircase, PlanService plans) {
    this.meetings = meetings;
    this.staircase = staircase;
    this.plans = plans;
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

  @Override
  public Map<String, Object> complete(TaskContext context, NetworkMeetingInput in) {
    long caseId = context.caseId();
    List<Problem> errors = new ArrayList<>();
    checkGoals(caseId, in.goalProgressOrEmpty(), errors);
    List<InterventionView> running = staircase.running(caseId);
    boolean stepChange = in.decision() == MeetingDecision.STEP_UP || in.decision() == MeetingDecision.STEP_DOWN;
    boolean up = in.decision() == MeetingDecision.STEP_UP;
    Step adjacent = null;
    if (in.interventionId() != null && running.stream().noneMatch(i -> i.id() == in.interventionId())) {
      errors.add(running.isEmpty()
          ? Problem.of("interventionId", "problem.meeting.notRunning.noneRunning", in.interventionId())
          : Problem.of("interventionId", "problem.meeting.notRunning", in.interventionId(), describe(running)));
    } else if (stepChange && in.interventionId() == null) {
      errors.add(running.isEmpty()
          ? Problem.of("interventionId", "problem.meeting.stepChange.noneRunning", in.decision())
          : Problem.of("interventionId", "problem.meeting.stepChange", in.decision(), describe(running)));
    } else if (stepChange) {
      Optional<Step> next = staircase.adjacent(in.interventionId(), up);
      if (next.isEmpty()) {
        InterventionView i = running.stream().filter(r -> r.id() == in.interventionId()).findFirst().orElseThrow();
        errors.add(Problem.of("decision", up ? "problem.meeting.topStep" : "problem.meeting.firstStep", i.stepKey()));
      } else {
        adjacent = next.get();
      }
    }
    if (in.decision() == MeetingDecision.CLOSE && in.closureReason() == null) {
      errors.add(Problem.of("closureReason", "problem.meeting.closureReason.required"));
    } else if (in.decision() != MeetingDecision.CLOSE && in.closureReason() != null) {
      errors.add(Problem.of("closureReason", "problem.meeting.closureReason.onlyForClose"));
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }

    MeetingView meeting = meetings.recordMeeting(caseId, in, context.user());
    Map<String, Object> vars = new HashMap<>();
    vars.put(LAST_MEETING_AT, Date.from(meeting.heldAt()));
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
      Long goalId = progress.get(i).goalId();
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
  public Map<String, Object> details(TaskContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    List<InterventionView> running = staircase.running(context.caseId());
    details.put("runningInterventions", running);
    details.put("currentPlan", plans.current(context.caseId()).orElse(null));
    details.put("steps", staircase.steps());
    return details;
  }
}
