package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The subprocess "While interventions run": action plan, network meetings, follow-up, concerns and age clocks. */
@Deployment(resources = {"bpmn/youth-case.bpmn", "bpmn/step-selection.bpmn", "bpmn/notification-acknowledgement.bpmn",
    "bpmn/step-recommendation.dmn"})
@DisplayName("Youth case: while interventions run")
class InterventionsRunningProcessTest extends ProcessTestSupport {

  private static final Date IN_30_DAYS = new Date(START.toEpochMilli() + Duration.ofDays(30).toMillis());
  private static final Date IN_200_DAYS = new Date(START.toEpochMilli() + Duration.ofDays(200).toMillis());

  private static Map<String, Object> meeting(String decision) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("meetingDecision", decision);
    vars.put("lastMeetingAt", now());
    return vars;
  }

  private static Map<String, Object> followUp() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("lastFollowUpAt", now());
    vars.put("followUpInterval", "P6M");
    return vars;
  }

  private void raiseConcern() {
    runtime().createMessageCorrelation("ConcernRaised").processInstanceBusinessKey(CASE_NUMBER)
        .setVariable("concernRaisedAt", now()).correlate();
  }

  // ---- action plan

  @Test
  @DisplayName("the team writes an action plan; written in time it does not escalate")
  void actionPlanInTimeDoesNotEscalate() {
    ProcessInstance pi = startInterventions();
    Task plan = task("Task_WriteActionPlan");
    assertThat(candidateGroups(plan)).containsExactly("team-nord");
    Guarded deadline = guarded("Task_WriteActionPlan", "Timer_ActionPlanDue", "ACTION_PLAN");

    clockBefore(deadline.due());
    complete("Task_WriteActionPlan");

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_ActionPlanWritten").doesNotContain("Task_EscalateActionPlan");
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
  }

  @Test
  @DisplayName("an action plan written too late is escalated to the team leader and can still be written")
  void actionPlanTooLateEscalates() {
    ProcessInstance pi = startInterventions();
    Guarded deadline = guarded("Task_WriteActionPlan", "Timer_ActionPlanDue", "ACTION_PLAN");

    missDeadline(deadline, "Timer_ActionPlanDue");

    assertThat(deadlines.escalated()).containsExactly("ACTION_PLAN");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateActionPlan", "End_ActionPlanEscalated");

    complete("Task_WriteActionPlan");

    assertThat(passed(pi.getId())).contains("End_ActionPlanWritten");
  }

  // ---- network meetings

  @Test
  @DisplayName("a meeting that decides to continue is followed by the next meeting with a new deadline")
  void meetingContinueLoopsToTheNextMeeting() {
    ProcessInstance pi = startInterventions();
    Task first = task("Task_HoldNetworkMeeting");
    assertThat(candidateGroups(first)).containsExactly("team-nord");
    Guarded firstDeadline = guarded("Task_HoldNetworkMeeting", "Timer_NetworkMeetingDue", "NETWORK_MEETING");
    clockAt(new Date(START.toEpochMilli() + Duration.ofDays(40).toMillis()));

    complete("Task_HoldNetworkMeeting", meeting("CONTINUE"));

    Task second = task("Task_HoldNetworkMeeting");
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(gone(firstDeadline.timer())).isTrue();
    assertThat(deadlines.duesOf("NETWORK_MEETING")).hasSize(2);
    Guarded secondDeadline = guarded("Task_HoldNetworkMeeting", "Timer_NetworkMeetingDue", "NETWORK_MEETING");
    assertThat(secondDeadline.due()).isAfter(firstDeadline.due());
    assertThat(timesPassed(pi.getId(), "Gateway_NextMeeting")).isEqualTo(2);
    assertThat(calledInstances("step-selection")).hasSize(1);
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("a meeting held in time does not escalate and its timer goes away")
  void meetingInTimeDoesNotEscalate() {
    ProcessInstance pi = startInterventions();
    Guarded deadline = guarded("Task_HoldNetworkMeeting", "Timer_NetworkMeetingDue", "NETWORK_MEETING");

    clockBefore(deadline.due());
    complete("Task_HoldNetworkMeeting", meeting("CONTINUE"));

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).doesNotContain("Timer_NetworkMeetingDue", "Task_EscalateNetworkMeeting");
  }

  @Test
  @DisplayName("a meeting held too late is escalated to the team leader and can still be held")
  void meetingTooLateEscalates() {
    ProcessInstance pi = startInterventions();
    Guarded deadline = guarded("Task_HoldNetworkMeeting", "Timer_NetworkMeetingDue", "NETWORK_MEETING");

    missDeadline(deadline, "Timer_NetworkMeetingDue");

    assertThat(deadlines.escalated()).containsExactly("NETWORK_MEETING");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateNetworkMeeting", "End_NetworkMeetingEscalated");

    complete("Task_HoldNetworkMeeting", meeting("CONTINUE"));

    assertThat(task("Task_HoldNetworkMeeting").getId()).isNotEqualTo(deadline.task().getId());
    assertThat(deadlines.escalated()).containsExactly("NETWORK_MEETING");
  }

  @Test
  @DisplayName("a meeting that changes the step chooses a new step without a recommendation, then meets again")
  void meetingChangeStepChoosesANewStep() {
    ProcessInstance pi = startInterventions();
    Map<String, Object> vars = meeting("CHANGE_STEP");
    vars.put("selectionReason", "STEP_CHANGE");
    vars.put("replacesInterventionId", 101L);
    vars.put("recommendedStepKey", "UNIVERSAL");
    Date firstStart = (Date) runtime().getVariable(pi.getId(), "firstInterventionStartedAt");
    clockAt(new Date(START.toEpochMilli() + Duration.ofDays(50).toMillis()));

    complete("Task_HoldNetworkMeeting", vars);

    assertThat(openTasks("Task_HoldNetworkMeeting")).isEmpty();
    HistoricProcessInstance change = calledInstances("step-selection").get(1);
    assertThat(runtime().getVariables(change.getId())).containsEntry("selectionReason", "STEP_CHANGE")
        .containsEntry("replacesInterventionId", 101L).containsEntry("recommendedStepKey", "UNIVERSAL")
        .doesNotContainKey("recommendedCategory");

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(staircase.started()).hasSize(2);
    assertThat(staircase.started().get(1).replacesInterventionId()).isEqualTo(101L);
    assertThat(passed(change.getId())).doesNotContain("Task_RecommendStep");
    assertThat(runtime().getVariable(pi.getId(), "interventionId")).isEqualTo(102L);
    assertThat(runtime().getVariable(pi.getId(), "interventionDecidedAt")).isEqualTo(now());
    assertThat(runtime().getVariable(pi.getId(), "firstInterventionStartedAt")).isEqualTo(firstStart);
    assertThat(task("Task_HoldNetworkMeeting").getId()).isNotNull();
    assertThat(passed(pi.getId())).contains("CallActivity_ChangeStep");
    assertThat(timesPassed(pi.getId(), "Gateway_NextMeeting")).isEqualTo(2);
  }

  @Test
  @DisplayName("a meeting that closes the case ends all follow-up and closes the case once")
  void meetingCloseTerminatesTheSubprocessAndClosesTheCase() {
    ProcessInstance pi = startInterventions();
    raiseConcern();
    Map<String, Object> vars = meeting("CLOSE");
    vars.put("closureReason", "GOAL_REACHED");

    complete("Task_HoldNetworkMeeting", vars);

    assertThat(caseClosure.reasons()).containsExactly("GOAL_REACHED");
    assertThat(ended(pi.getId())).isTrue();
    assertThat(passed(pi.getId())).contains("End_CloseFromMeeting", "Task_CloseCase", "End_CaseClosed");
    assertThat(timesPassed(pi.getId(), "Task_CloseCase")).isEqualTo(1);
    assertThat(tasks().createTaskQuery().count()).isZero();
    assertThat(management().createJobQuery().count()).isZero();
  }

  // ---- follow-up

  @Test
  @DisplayName("a follow-up is followed by the next follow-up for as long as the interventions run")
  void followUpLoops() {
    ProcessInstance pi = startInterventions();
    Task first = task("Task_FollowUp");
    assertThat(candidateGroups(first)).containsExactly("team-nord");
    Guarded firstDeadline = guarded("Task_FollowUp", "Timer_FollowUpDue", "FOLLOW_UP");

    complete("Task_FollowUp", followUp());
    Task second = task("Task_FollowUp");
    complete("Task_FollowUp", followUp());

    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(task("Task_FollowUp").getId()).isNotIn(first.getId(), second.getId());
    assertThat(gone(firstDeadline.timer())).isTrue();
    assertThat(deadlines.duesOf("FOLLOW_UP")).hasSize(3);
    assertThat(timers("Timer_FollowUpDue")).hasSize(1);
    assertThat(timesPassed(pi.getId(), "Task_FollowUp")).isEqualTo(3);
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("a follow-up made in time does not escalate")
  void followUpInTimeDoesNotEscalate() {
    ProcessInstance pi = startInterventions();
    Guarded deadline = guarded("Task_FollowUp", "Timer_FollowUpDue", "FOLLOW_UP");

    clockBefore(deadline.due());
    complete("Task_FollowUp", followUp());

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).doesNotContain("Task_EscalateFollowUp");
  }

  @Test
  @DisplayName("a follow-up made too late is escalated to the team leader and can still be made")
  void followUpTooLateEscalates() {
    ProcessInstance pi = startInterventions();
    Guarded deadline = guarded("Task_FollowUp", "Timer_FollowUpDue", "FOLLOW_UP");

    missDeadline(deadline, "Timer_FollowUpDue");

    assertThat(deadlines.escalated()).containsExactly("FOLLOW_UP");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateFollowUp", "End_FollowUpEscalated");

    complete("Task_FollowUp", followUp());

    assertThat(task("Task_FollowUp").getId()).isNotEqualTo(deadline.task().getId());
  }

  // ---- a new concern

  @Test
  @DisplayName("a new concern while interventions run asks the team for a meeting, and the follow-up goes on")
  void concernAsksForAMeeting() {
    ProcessInstance pi = startInterventions();

    raiseConcern();

    Task respond = task("Task_RespondToConcern");
    assertThat(candidateGroups(respond)).containsExactly("team-nord");
    guarded("Task_RespondToConcern", "Timer_ConcernResponseDue", "CONCERN_RESPONSE");

    complete("Task_RespondToConcern");

    assertThat(passed(pi.getId())).contains("StartEvent_ConcernRaised", "End_ConcernAnswered");
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
    assertThat(task("Task_FollowUp")).isNotNull();
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("a concern answered in time does not escalate")
  void concernResponseInTimeDoesNotEscalate() {
    ProcessInstance pi = startInterventions();
    raiseConcern();
    Guarded deadline = guarded("Task_RespondToConcern", "Timer_ConcernResponseDue", "CONCERN_RESPONSE");

    clockBefore(deadline.due());
    complete("Task_RespondToConcern");

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_ConcernAnswered").doesNotContain("Task_EscalateConcernResponse");
  }

  @Test
  @DisplayName("a concern answered too late is escalated to the team leader and can still be answered")
  void concernResponseTooLateEscalates() {
    ProcessInstance pi = startInterventions();
    raiseConcern();
    Guarded deadline = guarded("Task_RespondToConcern", "Timer_ConcernResponseDue", "CONCERN_RESPONSE");

    missDeadline(deadline, "Timer_ConcernResponseDue");

    assertThat(deadlines.escalated()).containsExactly("CONCERN_RESPONSE");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateConcernResponse", "End_ConcernResponseEscalated");

    complete("Task_RespondToConcern");

    assertThat(passed(pi.getId())).contains("End_ConcernAnswered");
  }

  // ---- youth plan

  @Test
  @DisplayName("with the 16th birthday ahead, the youth plan task opens when its window opens")
  void youthPlanWindowOpensTheTask() {
    deadlines.ahead("YOUTH_PLAN", IN_30_DAYS);
    ProcessInstance pi = startInterventions();

    Job window = timer("Timer_YouthPlanWindow");
    assertThat(window.getDuedate()).hasSameTimeAs(IN_30_DAYS);
    assertThat(openTasks("Task_WriteYouthPlan")).isEmpty();
    assertThat(passed(pi.getId())).doesNotContain("End_NoYouthPlanDue");

    clockAt(IN_30_DAYS);
    assertThat(timerDue("Timer_YouthPlanWindow")).isTrue();
    fire(window);

    Task plan = task("Task_WriteYouthPlan");
    assertThat(candidateGroups(plan)).containsExactly("team-nord");
    guarded("Task_WriteYouthPlan", "Timer_YouthPlanDue", "YOUTH_PLAN");

    complete("Task_WriteYouthPlan");

    assertThat(passed(pi.getId())).contains("End_YouthPlanWritten");
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
  }

  @Test
  @DisplayName("a youth plan written in time does not escalate")
  void youthPlanInTimeDoesNotEscalate() {
    deadlines.ahead("YOUTH_PLAN", IN_30_DAYS);
    ProcessInstance pi = startInterventions();
    clockAt(IN_30_DAYS);
    fire(timer("Timer_YouthPlanWindow"));
    Guarded deadline = guarded("Task_WriteYouthPlan", "Timer_YouthPlanDue", "YOUTH_PLAN");

    clockBefore(deadline.due());
    complete("Task_WriteYouthPlan");

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_YouthPlanWritten").doesNotContain("Task_EscalateYouthPlan");
  }

  @Test
  @DisplayName("a youth plan written too late is escalated to the team leader and can still be written")
  void youthPlanTooLateEscalates() {
    deadlines.ahead("YOUTH_PLAN", IN_30_DAYS);
    ProcessInstance pi = startInterventions();
    clockAt(IN_30_DAYS);
    fire(timer("Timer_YouthPlanWindow"));
    Guarded deadline = guarded("Task_WriteYouthPlan", "Timer_YouthPlanDue", "YOUTH_PLAN");

    missDeadline(deadline, "Timer_YouthPlanDue");

    assertThat(deadlines.escalated()).containsExactly("YOUTH_PLAN");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateYouthPlan", "End_YouthPlanEscalated");

    complete("Task_WriteYouthPlan");

    assertThat(passed(pi.getId())).contains("End_YouthPlanWritten");
  }

  @Test
  @DisplayName("without a 16th birthday ahead, no youth plan and no aftercare are due")
  void noAgeClocksAhead() {
    ProcessInstance pi = startInterventions();

    assertThat(passed(pi.getId())).contains("Gateway_YouthPlanAhead", "End_NoYouthPlanDue",
        "Gateway_AftercareAhead", "End_NoAftercareDue");
    assertThat(timers("Timer_YouthPlanWindow")).isEmpty();
    assertThat(timers("Timer_AftercareWindow")).isEmpty();
    assertThat(deadlines.birthdaysAsked()).isEmpty();
  }

  // ---- aftercare

  @Test
  @DisplayName("aftercare is assessed when its window opens; granted, the interventions go on")
  void aftercareGranted() {
    deadlines.ahead("AFTERCARE", IN_30_DAYS);
    ProcessInstance pi = startInterventions();
    Job window = timer("Timer_AftercareWindow");
    assertThat(window.getDuedate()).hasSameTimeAs(IN_30_DAYS);
    assertThat(passed(pi.getId())).contains("End_NoYouthPlanDue").doesNotContain("End_NoAftercareDue");

    clockAt(IN_30_DAYS);
    fire(window);
    Task assess = task("Task_AssessAftercare");
    assertThat(candidateGroups(assess)).containsExactly("team-nord");
    guarded("Task_AssessAftercare", "Timer_AftercareDue", "AFTERCARE");
    complete("Task_AssessAftercare", Map.of("aftercareGranted", true));

    assertThat(passed(pi.getId())).contains("End_AftercareGranted").doesNotContain("Timer_EighteenthBirthday");
    assertThat(timers("Timer_EighteenthBirthday")).isEmpty();
    assertThat(ended(pi.getId())).isFalse();
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
    assertThat(caseClosure.reasons()).isEmpty();
  }

  @Test
  @DisplayName("aftercare not granted: the 18th birthday ends the interventions and closes the case as TURNED_18")
  void aftercareNotGrantedClosesTheCaseAtEighteen() {
    deadlines.ahead("AFTERCARE", IN_30_DAYS).eighteenthBirthday(IN_200_DAYS);
    ProcessInstance pi = startInterventions();
    clockAt(IN_30_DAYS);
    fire(timer("Timer_AftercareWindow"));

    complete("Task_AssessAftercare", Map.of("aftercareGranted", false));

    Job birthday = timer("Timer_EighteenthBirthday");
    assertThat(birthday.getDuedate()).hasSameTimeAs(IN_200_DAYS);
    assertThat(deadlines.birthdaysAsked()).containsExactly(18);
    assertThat(ended(pi.getId())).isFalse();
    assertThat(timerDue("Timer_EighteenthBirthday")).isFalse();

    clockAt(IN_200_DAYS);
    assertThat(timerDue("Timer_EighteenthBirthday")).isTrue();
    fire(birthday);

    assertThat(caseClosure.reasons()).containsExactly("TURNED_18");
    assertThat(ended(pi.getId())).isTrue();
    assertThat(historicVariable(pi.getId(), "closureReason")).isEqualTo("TURNED_18");
    assertThat(passed(pi.getId())).contains("End_TurnedEighteen", "Task_CloseCase", "End_CaseClosed")
        .doesNotContain("End_CloseFromMeeting");
    assertThat(tasks().createTaskQuery().count()).isZero();
  }

  @Test
  @DisplayName("an aftercare assessment made in time does not escalate")
  void aftercareInTimeDoesNotEscalate() {
    deadlines.ahead("AFTERCARE", IN_30_DAYS);
    ProcessInstance pi = startInterventions();
    clockAt(IN_30_DAYS);
    fire(timer("Timer_AftercareWindow"));
    Guarded deadline = guarded("Task_AssessAftercare", "Timer_AftercareDue", "AFTERCARE");

    clockBefore(deadline.due());
    complete("Task_AssessAftercare", Map.of("aftercareGranted", true));

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_AftercareGranted").doesNotContain("Task_EscalateAftercare");
  }

  @Test
  @DisplayName("an aftercare assessment made too late is escalated to the team leader and can still be made")
  void aftercareTooLateEscalates() {
    deadlines.ahead("AFTERCARE", IN_30_DAYS);
    ProcessInstance pi = startInterventions();
    clockAt(IN_30_DAYS);
    fire(timer("Timer_AftercareWindow"));
    Guarded deadline = guarded("Task_AssessAftercare", "Timer_AftercareDue", "AFTERCARE");

    missDeadline(deadline, "Timer_AftercareDue");

    assertThat(deadlines.escalated()).containsExactly("AFTERCARE");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateAftercare", "End_AftercareEscalated");

    complete("Task_AssessAftercare", Map.of("aftercareGranted", true));

    assertThat(passed(pi.getId())).contains("End_AftercareGranted");
  }
}
