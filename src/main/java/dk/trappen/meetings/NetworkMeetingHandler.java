package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;
import static dk.trappen.common.ProcessVariables.LAST_MEETING_AT;
import static dk.trappen.common.ProcessVariables.MEETING_DECISION;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_STEP_KEY;
import static dk.trappen.common.ProcessVariables.REPLACES_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;

import dk.trappen.common.InvalidInputException;
import dk.trappen.plan.PlanService;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.SelectionReason;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskHandler;
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
    Map<String, String> errors = new LinkedHashMap<>();
    checkGoals(caseId, in.goalProgressOrEmpty(), errors);
    List<InterventionView> running = staircase.running(caseId);
    boolean stepChange = in.decision() == MeetingDecision.STEP_UP || in.decision() == MeetingDecision.STEP_DOWN;
    boolean up = in.decision() == MeetingDecision.STEP_UP;
    Step adjacent = null;
    if (in.interventionId() != null && running.stream().noneMatch(i -> i.id() == in.interventionId())) {
      errors.put("interventionId", in.interventionId() + " is not a running intervention of this case" + describe(
          running));
    } else if (stepChange && in.interventionId() == null) {
      errors.put("interventionId", "is required for " + in.decision() + ": the running intervention that changes step"
          + describe(running));
    } else if (stepChange) {
      Optional<Step> next = staircase.adjacent(in.interventionId(), up);
      if (next.isEmpty()) {
        InterventionView i = running.stream().filter(r -> r.id() == in.interventionId()).findFirst().orElseThrow();
        errors.put("decision", up
            ? "STEP_UP is not possible: " + i.stepKey() + " is the top step of the staircase"
            : "STEP_DOWN is not possible: " + i.stepKey() + " is the first step of the staircase; when the common "
                + "goal is reached, decide CLOSE with closureReason GOAL_REACHED");
      } else {
        adjacent = next.get();
      }
    }
    if (in.decision() == MeetingDecision.CLOSE && in.closureReason() == null) {
      errors.put("closureReason", "is required to close the case: GOAL_REACHED or MOVED_MUNICIPALITY");
    } else if (in.decision() != MeetingDecision.CLOSE && in.closureReason() != null) {
      errors.put("closureReason", "only applies when the decision is CLOSE");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors, false);
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

  private void checkGoals(long caseId, List<NetworkMeetingInput.Progress> progress, Map<String, String> errors) {
    if (progress.isEmpty()) {
      return;
    }
    Set<Long> goals = plans.currentGoalIds(caseId);
    Map<Long, Integer> seen = new HashMap<>();
    for (int i = 0; i < progress.size(); i++) {
      Long goalId = progress.get(i).goalId();
      String field = "goalProgress[" + i + "].goalId";
      if (goals.isEmpty()) {
        errors.put(field, "the case has no action plan yet, so there are no goals to rate; leave goalProgress empty");
      } else if (!goals.contains(goalId)) {
        errors.put(field, goalId + " is not a goal of the case's current plan (goals "
            + goals.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
      } else if (seen.putIfAbsent(goalId, i) != null) {
        errors.put(field, "goal " + goalId + " is already rated in goalProgress[" + seen.get(goalId) + "]");
      }
    }
  }

  private static String describe(List<InterventionView> running) {
    return running.isEmpty() ? " (the case has no running interventions)"
        : " (running: " + running.stream().map(i -> i.id() + " " + i.stepKey()).collect(Collectors.joining(", "))
            + ")";
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
