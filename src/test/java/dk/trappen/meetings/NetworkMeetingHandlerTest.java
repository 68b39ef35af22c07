package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;
import static dk.trappen.common.ProcessVariables.LAST_MEETING_AT;
import static dk.trappen.common.ProcessVariables.MEETING_DECISION;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_STEP_KEY;
import static dk.trappen.common.ProcessVariables.REPLACES_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.trappen.common.InvalidInputException;
import dk.trappen.plan.PlanService;
import dk.trappen.staircase.HelpCategory;
import dk.trappen.staircase.InterventionStatus;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import dk.trappen.tasks.TaskContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A network meeting's decision routes the follow-up loop")
class NetworkMeetingHandlerTest {

  private static final long CASE = 7L;
  private static final Instant HELD = Instant.parse("2027-04-11T10:00:00Z");
  private static final Step EARLY_HELP = new Step("EARLY_HELP", "Tidlig indsats", "Early help", 1,
      List.of(HelpCategory.UNIVERSAL), false);
  private static final Step HOME_BASED = new Step("HOME_BASED", "Hjemmebaseret", "Home-based", 3,
      List.of(HelpCategory.HOME_BASED), false);

  private MeetingsService meetings;
  private StaircaseService staircase;
  private PlanService plans;
  private NetworkMeetingHandler handler;

  @BeforeEach
  void setUp() {
    meetings = mock(MeetingsService.class);
    staircase = mock(StaircaseService.class);
    plans = mock(PlanService.class);
    dk.trappen.deadlines.DeadlineRules rules = mock(dk.trappen.deadlines.DeadlineRules.class);
    when(rules.zone()).thenReturn(java.time.ZoneId.of("Europe/Copenhagen"));
    handler = new NetworkMeetingHandler(meetings, staircase, plans, mock(dk.trappen.staircase.StepLabels.class),
        new HeldAtPolicy(30), rules, mock(OutcomeFields.class), new SafetyPlanReviewFields(
            mock(dk.trappen.staircase.SafetyPlans.class), staircase, mock(dk.trappen.staircase.StepLabels.class)));
    when(staircase.running(CASE)).thenReturn(List.of(running(11L, "PREVENTIVE", 2)));
    when(staircase.adjacent(11L, true)).thenReturn(Optional.of(HOME_BASED));
    when(staircase.adjacent(11L, false)).thenReturn(Optional.of(EARLY_HELP));
    when(plans.currentGoalIds(CASE)).thenReturn(Set.of(100L, 101L));
    when(meetings.recordMeeting(eq(CASE), any(), any(), anyString())).thenAnswer(inv -> {
      NetworkMeetingInput in = inv.getArgument(1);
      return new MeetingView(1L, CASE, HELD, List.of(), List.of(), in.youthSatisfaction(), in.youthVoice(),
          in.decision(), in.decisionNote(), in.interventionId(), in.closureReason(), "karen");
    });
  }

  private static InterventionView running(long id, String stepKey, int position) {
    return new InterventionView(id, CASE, stepKey, stepKey, position, false, "d", InterventionStatus.RUNNING, false,
        null, null, HELD, "karen", null, null, null, null, null, HELD, LocalDate.of(2027, 12, 31), "EARLY_HELP",
        null, null, null, null, null);
  }

  private static TaskContext context() {
    return new TaskContext("t1", "Task_HoldNetworkMeeting", "p1", CASE, "2027-000007", "karen", HELD, Map.of());
  }

  private static NetworkMeetingInput meeting(MeetingDecision decision, Long interventionId,
      MeetingClosureReason reason, List<NetworkMeetingInput.Progress> progress) {
    return new NetworkMeetingInput(
        List.of(new NetworkMeetingInput.Participant(dk.trappen.meetings.ParticipantRole.YOUTH, "Alfred")),
        progress, 4, "Det går bedre.", decision, "Besluttet på mødet.", interventionId, reason, null, null, null);
  }

  private static NetworkMeetingInput meeting(MeetingDecision decision, Long interventionId,
      MeetingClosureReason reason) {
    return meeting(decision, interventionId, reason, List.of());
  }

  @Test
  @DisplayName("CONTINUE meets again and clears any earlier step-change variables")
  void continueMeetsAgain() {
    Map<String, Object> vars = handler.complete(context(), meeting(MeetingDecision.CONTINUE, null, null));
    assertThat(vars).containsEntry(MEETING_DECISION, "CONTINUE").containsEntry(LAST_MEETING_AT, Date.from(HELD))
        .containsEntry(REPLACES_INTERVENTION_ID, null).containsEntry(RECOMMENDED_STEP_KEY, null)
        .doesNotContainKeys(SELECTION_REASON, CLOSURE_REASON);
  }

  @Test
  @DisplayName("STEP_UP changes step, replacing the intervention, with the step above recommended")
  void stepUp() {
    Map<String, Object> vars = handler.complete(context(), meeting(MeetingDecision.STEP_UP, 11L, null));
    assertThat(vars).containsEntry(MEETING_DECISION, "CHANGE_STEP").containsEntry(SELECTION_REASON, "STEP_CHANGE")
        .containsEntry(REPLACES_INTERVENTION_ID, 11L).containsEntry(RECOMMENDED_STEP_KEY, "HOME_BASED");
  }

  @Test
  @DisplayName("STEP_DOWN changes step, replacing the intervention, with the step below recommended")
  void stepDown() {
    Map<String, Object> vars = handler.complete(context(), meeting(MeetingDecision.STEP_DOWN, 11L, null));
    assertThat(vars).containsEntry(MEETING_DECISION, "CHANGE_STEP").containsEntry(SELECTION_REASON, "STEP_CHANGE")
        .containsEntry(REPLACES_INTERVENTION_ID, 11L).containsEntry(RECOMMENDED_STEP_KEY, "EARLY_HELP");
  }

  @Test
  @DisplayName("ADD_PARALLEL chooses a step alongside, replacing nothing and recommending nothing")
  void addParallel() {
    Map<String, Object> vars = handler.complete(context(), meeting(MeetingDecision.ADD_PARALLEL, null, null));
    assertThat(vars).containsEntry(MEETING_DECISION, "CHANGE_STEP").containsEntry(SELECTION_REASON, "PARALLEL")
        .containsEntry(REPLACES_INTERVENTION_ID, null).containsEntry(RECOMMENDED_STEP_KEY, null);
  }

  @Test
  @DisplayName("CLOSE closes the case with the reason and ends the running interventions")
  void close() {
    Map<String, Object> vars = handler.complete(context(),
        meeting(MeetingDecision.CLOSE, null, MeetingClosureReason.GOAL_REACHED));
    assertThat(vars).containsEntry(MEETING_DECISION, "CLOSE").containsEntry(CLOSURE_REASON, "GOAL_REACHED")
        .doesNotContainKey(SELECTION_REASON);
    verify(staircase).endAllRunning(CASE, "GOAL_REACHED");
  }

  @Test
  @DisplayName("CLOSE without a reason is refused, naming closureReason")
  void closeNeedsReason() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(), meeting(MeetingDecision.CLOSE, null, null)));
    assertThat(e.fieldErrors()).containsOnlyKeys("closureReason");
    verify(meetings, never()).recordMeeting(anyLong(), any(), any(), anyString());
  }

  @Test
  @DisplayName("a closure reason with another decision is refused")
  void closureReasonOnlyForClose() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(), meeting(MeetingDecision.CONTINUE, null, MeetingClosureReason.GOAL_REACHED)));
    assertThat(e.fieldErrors()).containsOnlyKeys("closureReason");
  }

  @Test
  @DisplayName("a step change needs the running intervention that changes")
  void stepChangeNeedsIntervention() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(), meeting(MeetingDecision.STEP_UP, null, null)));
    assertThat(e.fieldErrors().get("interventionId")).contains("is required for STEP_UP").contains("11 PREVENTIVE");
  }

  @Test
  @DisplayName("an intervention that is not running in this case is refused")
  void foreignIntervention() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(), meeting(MeetingDecision.STEP_DOWN, 99L, null)));
    assertThat(e.fieldErrors().get("interventionId")).contains("99 is not a running intervention");
  }

  @Test
  @DisplayName("there is no step above the top or below the first step")
  void noAdjacentStep() {
    when(staircase.adjacent(11L, true)).thenReturn(Optional.empty());
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(), meeting(MeetingDecision.STEP_UP, 11L, null)));
    assertThat(e.fieldErrors().get("decision")).contains("top step");
  }

  @Test
  @DisplayName("goal progress must rate goals of the case's current plan, each once")
  void goalsOfCurrentPlan() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(), meeting(MeetingDecision.CONTINUE, null, null, List.of(
            new NetworkMeetingInput.Progress(100L, 5, null),
            new NetworkMeetingInput.Progress(555L, 5, null),
            new NetworkMeetingInput.Progress(100L, 6, null)))));
    assertThat(e.fieldErrors()).containsOnlyKeys("goalProgress[1].goalId", "goalProgress[2].goalId");
    assertThat(e.fieldErrors().get("goalProgress[1].goalId")).contains("555 is not a goal");
    assertThat(e.fieldErrors().get("goalProgress[2].goalId")).contains("already rated in goalProgress[0]");
  }
}
