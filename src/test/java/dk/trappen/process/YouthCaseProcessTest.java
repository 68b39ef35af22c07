package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The youth case from the notification to the running interventions: intake, acute assessment, investigation. */
@Deployment(resources = {"bpmn/youth-case.bpmn", "bpmn/step-selection.bpmn", "bpmn/notification-acknowledgement.bpmn",
    "bpmn/step-recommendation.dmn"})
@DisplayName("Youth case: intake, acute assessment and investigation")
class YouthCaseProcessTest extends ProcessTestSupport {

  // ---- intake and the acute assessment

  @Test
  @DisplayName("a new notification waits for the acute assessment by intake, due in 24 hours")
  void newNotificationWaitsForTheAcuteAssessment() {
    ProcessInstance pi = startCase(false);

    Task assessment = task("Task_AcuteAssessment");
    assertThat(assessment.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(candidateGroups(assessment)).containsExactly("intake");
    guarded("Task_AcuteAssessment", "Timer_AcuteAssessmentDue", "ACUTE_ASSESSMENT");
    assertThat(deadlines.dueOf("ACUTE_ASSESSMENT")).hasSameTimeAs(new Date(START.toEpochMilli()
        + Duration.ofHours(24).toMillis()));
    assertThat(passed(pi.getId())).contains("StartEvent_NotificationReceived", "Gateway_SplitIntake",
        "CallActivity_Acknowledgement", "End_AcknowledgementHandled", "Task_AcuteAssessment");
  }

  @Test
  @DisplayName("a notification from a citizen needs no acknowledgement")
  void citizenNotificationNeedsNoAcknowledgement() {
    ProcessInstance pi = startCase(false);

    HistoricProcessInstance ack = calledInstance("notification-acknowledgement");
    assertThat(ack.getSuperProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(ack.getEndTime()).isNotNull();
    assertThat(passed(ack.getId())).containsExactly("StartEvent_AcknowledgementStarted",
        "Gateway_ProfessionalNotifier", "End_NoAcknowledgementDue");
    assertThat(openTasks("Task_SendAcknowledgement")).isEmpty();
    assertThat(deadlines.duesOf("ACKNOWLEDGEMENT")).isEmpty();
  }

  @Test
  @DisplayName("a professional notifier is acknowledged by intake in a called process with the case's business key")
  void professionalNotifierIsAcknowledged() {
    ProcessInstance pi = startCase(true);

    HistoricProcessInstance ack = calledInstance("notification-acknowledgement");
    assertThat(ack.getSuperProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(ack.getBusinessKey()).isEqualTo(CASE_NUMBER);
    Task send = task("Task_SendAcknowledgement");
    assertThat(send.getProcessInstanceId()).isEqualTo(ack.getId());
    assertThat(candidateGroups(send)).containsExactly("intake");
    assertThat(runtime().getVariables(ack.getId())).containsEntry("caseId", CASE_ID)
        .containsEntry("teamCode", "nord").containsEntry("professionalNotifier", true)
        .containsEntry("notificationId", NOTIFICATION_ID).containsKey("receivedAt")
        .doesNotContainKey("teamGroup");
    guarded("Task_SendAcknowledgement", "Timer_AcknowledgementDue", "ACKNOWLEDGEMENT");

    complete("Task_SendAcknowledgement");

    assertThat(ended(ack.getId())).isTrue();
    assertThat(passed(ack.getId())).endsWith("Task_SendAcknowledgement", "End_Acknowledged");
    assertThat(passed(pi.getId())).contains("End_AcknowledgementHandled");
    assertThat(task("Task_AcuteAssessment")).isNotNull();
  }

  @Test
  @DisplayName("an acute assessment made in time does not escalate and its timer goes away")
  void acuteAssessmentInTimeDoesNotEscalate() {
    ProcessInstance pi = startCase(false);
    Guarded deadline = guarded("Task_AcuteAssessment", "Timer_AcuteAssessmentDue", "ACUTE_ASSESSMENT");

    clockBefore(deadline.due());
    complete("Task_AcuteAssessment", Map.of("acuteOutcome", "INVESTIGATE"));

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(timers("Timer_AcuteAssessmentDue")).isEmpty();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).doesNotContain("Timer_AcuteAssessmentDue", "Task_EscalateAcuteAssessment");
    assertThat(task("Task_Investigation")).isNotNull();
  }

  @Test
  @DisplayName("an acute assessment made too late is escalated to the team leader and can still be made")
  void acuteAssessmentTooLateEscalatesAndStaysOpen() {
    ProcessInstance pi = startCase(false);
    Guarded deadline = guarded("Task_AcuteAssessment", "Timer_AcuteAssessmentDue", "ACUTE_ASSESSMENT");

    missDeadline(deadline, "Timer_AcuteAssessmentDue");

    assertThat(deadlines.escalated()).containsExactly("ACUTE_ASSESSMENT");
    stillOpen(deadline);
    assertThat(gone(deadline.timer())).isTrue();
    assertThat(passed(pi.getId())).contains("Timer_AcuteAssessmentDue", "Task_EscalateAcuteAssessment",
        "End_AcuteAssessmentEscalated");

    complete("Task_AcuteAssessment", Map.of("acuteOutcome", "INVESTIGATE"));

    assertThat(task("Task_Investigation")).isNotNull();
    assertThat(deadlines.escalated()).containsExactly("ACUTE_ASSESSMENT");
  }

  @Test
  @DisplayName("no further action closes the case with the recorded reason and ends a pending acknowledgement")
  void noActionClosesTheCase() {
    ProcessInstance pi = startCase(true);
    HistoricProcessInstance ack = calledInstance("notification-acknowledgement");

    complete("Task_AcuteAssessment", Map.of("acuteOutcome", "NO_ACTION", "closureReason", "NO_FURTHER_ACTION"));

    assertThat(caseClosure.reasons()).containsExactly("NO_FURTHER_ACTION");
    assertThat(caseClosure.caseNumbers()).containsExactly(CASE_NUMBER);
    assertThat(ended(pi.getId())).isTrue();
    assertThat(ended(ack.getId())).isTrue();
    assertThat(passed(pi.getId())).contains("Gateway_AcuteOutcome", "Task_CloseCase", "End_CaseClosed")
        .doesNotContain("Task_Investigation", "CallActivity_EmergencyStep");
    assertThat(tasks().createTaskQuery().count()).isZero();
    assertThat(management().createJobQuery().count()).isZero();
  }

  @Test
  @DisplayName("acute measures choose an emergency step with a recommendation, then the investigation follows")
  void acuteMeasuresChooseAnEmergencyStepThenInvestigate() {
    ProcessInstance pi = startCase(false);
    Map<String, Object> vars = new HashMap<>();
    vars.put("acuteOutcome", "ACUTE_MEASURES");
    vars.put("riskLevel", "ACUTE");
    vars.put("safeAtHome", false);
    vars.put("kinOrNetworkPossible", false);
    vars.put("youthWish", "NO_WISH");

    complete("Task_AcuteAssessment", vars);

    HistoricProcessInstance selection = calledInstance("step-selection");
    assertThat(selection.getSuperProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(selection.getBusinessKey()).isEqualTo(CASE_NUMBER);
    assertThat(runtime().getVariables(selection.getId())).containsEntry("selectionReason", "EMERGENCY")
        .containsEntry("recommendedCategory", "INSTITUTION").containsEntry("riskLevel", "ACUTE")
        .containsEntry("caseId", CASE_ID).containsEntry("teamGroup", "team-nord")
        .containsEntry("leadGroup", "lead-nord");
    Task choose = task("Task_ChooseStep");
    assertThat(candidateGroups(choose)).containsExactly("team-nord");
    assertThat(openTasks("Task_Investigation")).isEmpty();

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(staircase.started()).hasSize(1);
    assertThat(staircase.started().get(0).selectionReason()).isEqualTo("EMERGENCY");
    assertThat(runtime().getVariable(pi.getId(), "interventionId")).isEqualTo(101L);
    assertThat(runtime().getVariable(pi.getId(), "firstInterventionStartedAt")).isEqualTo(now());
    assertThat(runtime().getVariable(pi.getId(), "interventionDecidedAt")).isEqualTo(now());
    assertThat(passed(pi.getId())).contains("CallActivity_EmergencyStep", "Gateway_MergeInvestigation");
    assertThat(task("Task_Investigation")).isNotNull();
  }

  @Test
  @DisplayName("investigate goes straight to the team's investigation, due 4 months after awareness, and the interim"
      + " assessment waits for the investigation's at-risk time")
  void investigateGoesToTheInvestigation() {
    ProcessInstance pi = startInvestigation();

    Task investigation = task("Task_Investigation");
    assertThat(investigation.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(candidateGroups(investigation)).containsExactly("team-nord");
    Guarded deadline = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");
    Job atRisk = timer("Timer_InvestigationAtRisk");
    assertThat(atRisk.getDuedate()).hasSameTimeAs(atRiskOf(deadline));
    assertThat(deadlines.atRisksOf("INVESTIGATION")).containsExactly(atRisk.getDuedate());
    assertThat(timerDue("Timer_InvestigationAtRisk")).isFalse();
    assertThat(openTasks("Task_InterimAssessment")).isEmpty();
    assertThat(passed(pi.getId())).contains("SubProcess_Investigation", "StartEvent_InvestigationStarted")
        .doesNotContain("CallActivity_EmergencyStep");
    assertThat(calledInstances("step-selection")).isEmpty();
  }

  // ---- investigation

  @Test
  @DisplayName("an investigation finished before it turns at risk does not escalate and asks for no interim assessment")
  void investigationInTimeDoesNotEscalate() {
    ProcessInstance pi = startInvestigation();
    Guarded deadline = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");
    Job atRisk = timer("Timer_InvestigationAtRisk");

    clockBefore(atRisk.getDuedate());
    complete("Task_Investigation", findings("INTERVENTION"));

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(gone(atRisk)).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(deadlines.duesOf("INTERIM_ASSESSMENT")).isEmpty();
    assertThat(openTasks("Task_InterimAssessment")).isEmpty();
    assertThat(passed(pi.getId())).contains("End_InvestigationFinished", "Gateway_InvestigationOutcome")
        .doesNotContain("Task_EscalateInvestigation", "Timer_InvestigationAtRisk", "Task_InterimAssessment");
    assertThat(task("Task_ChooseStep")).isNotNull();
  }

  @Test
  @DisplayName("an investigation finished too late is escalated to the team leader once and can still be finished")
  void investigationTooLateEscalatesAndStaysOpen() {
    ProcessInstance pi = startInvestigation();
    Guarded deadline = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");

    missDeadline(deadline, "Timer_InvestigationDue");

    assertThat(deadlines.escalated()).containsExactly("INVESTIGATION");
    stillOpen(deadline);
    assertThat(gone(deadline.timer())).isTrue();
    assertThat(passed(pi.getId())).contains("Timer_InvestigationDue", "Task_EscalateInvestigation",
        "End_InvestigationEscalated");

    complete("Task_Investigation", findings("INTERVENTION"));

    assertThat(task("Task_ChooseStep")).isNotNull();
    assertThat(deadlines.escalated()).containsExactly("INVESTIGATION");
    assertThat(management().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @DisplayName("when the investigation turns at risk the interim assessment opens for the team, due with the"
      + " investigation, and the investigation stays open and guarded")
  void interimAssessmentOpensWhenTheInvestigationTurnsAtRisk() {
    ProcessInstance pi = startInvestigation();
    Guarded investigation = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");

    Guarded interim = turnAtRisk(investigation);

    assertThat(candidateGroups(interim.task())).containsExactly("team-nord");
    assertThat(interim.due()).isEqualTo(investigation.due());
    assertThat(deadlines.dueOf("INTERIM_ASSESSMENT")).isEqualTo(investigation.due());
    stillOpen(investigation);
    assertThat(timer("Timer_InvestigationDue").getId()).isEqualTo(investigation.timer().getId());
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("Timer_InvestigationAtRisk", "Task_InterimAssessment")
        .doesNotContain("Task_EscalateInvestigation");
  }

  @Test
  @DisplayName("an interim assessment written in time does not escalate, and the investigation goes on to its end")
  void interimAssessmentInTimeDoesNotEscalate() {
    ProcessInstance pi = startInvestigation();
    Guarded investigation = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");
    Guarded interim = turnAtRisk(investigation);

    clockBefore(interim.due());
    complete("Task_InterimAssessment");

    assertThat(gone(interim.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_InterimAssessmentWritten")
        .doesNotContain("Task_EscalateInterimAssessment");
    stillOpen(investigation);

    complete("Task_Investigation", findings("INTERVENTION"));

    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_InvestigationFinished");
    assertThat(task("Task_ChooseStep")).isNotNull();
  }

  @Test
  @DisplayName("an interim assessment not written by the investigation's deadline is escalated like the investigation;"
      + " both stay open and can still be done")
  void interimAssessmentTooLateEscalates() {
    ProcessInstance pi = startInvestigation();
    Guarded investigation = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");
    Guarded interim = turnAtRisk(investigation);

    missDeadline(interim, "Timer_InterimAssessmentDue");
    fire(investigation.timer());

    assertThat(deadlines.escalated()).containsExactly("INTERIM_ASSESSMENT", "INVESTIGATION");
    stillOpen(interim);
    stillOpen(investigation);
    assertThat(passed(pi.getId())).contains("Timer_InterimAssessmentDue", "Task_EscalateInterimAssessment",
        "End_InterimAssessmentEscalated", "Task_EscalateInvestigation", "End_InvestigationEscalated");

    complete("Task_InterimAssessment");
    complete("Task_Investigation", findings("INTERVENTION"));

    assertThat(passed(pi.getId())).contains("End_InterimAssessmentWritten", "End_InvestigationFinished");
    assertThat(deadlines.escalated()).containsExactly("INTERIM_ASSESSMENT", "INVESTIGATION");
    assertThat(task("Task_ChooseStep")).isNotNull();
  }

  @Test
  @DisplayName("an investigation finished while its interim assessment is open removes the interim assessment and its"
      + " timer, unwritten and not escalated")
  void investigationFinishedFirstRemovesTheInterimAssessment() {
    ProcessInstance pi = startInvestigation();
    Guarded investigation = guarded("Task_Investigation", "Timer_InvestigationDue", "INVESTIGATION");
    Guarded interim = turnAtRisk(investigation);

    clockBefore(investigation.due());
    complete("Task_Investigation", findings("INTERVENTION"));

    assertThat(openTasks("Task_InterimAssessment")).isEmpty();
    assertThat(gone(interim.timer())).isTrue();
    assertThat(gone(investigation.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    HistoricTaskInstance removed = history().createHistoricTaskInstanceQuery()
        .taskId(interim.task().getId()).singleResult();
    assertThat(removed.getEndTime()).isNotNull();
    assertThat(removed.getDeleteReason()).isNotEqualTo("completed");
    assertThat(passed(pi.getId())).contains("End_InvestigationFinished", "Gateway_InvestigationOutcome")
        .doesNotContain("End_InterimAssessmentWritten", "Task_EscalateInterimAssessment");
    assertThat(task("Task_ChooseStep")).isNotNull();
  }

  /** The investigation's at-risk time: its due time less the at-risk window. */
  private static Date atRiskOf(Guarded investigation) {
    return new Date(investigation.due().getTime() - FakeDeadlines.AT_RISK.get("INVESTIGATION").toMillis());
  }

  /** The investigation turns at risk: the timer fires and the interim assessment opens, guarded. */
  private Guarded turnAtRisk(Guarded investigation) {
    Job atRisk = timer("Timer_InvestigationAtRisk");
    assertThat(atRisk.getDuedate()).hasSameTimeAs(atRiskOf(investigation));
    clockBefore(atRisk.getDuedate());
    assertThat(timerDue("Timer_InvestigationAtRisk")).isFalse();
    assertThat(openTasks("Task_InterimAssessment")).isEmpty();
    clockAfter(atRisk.getDuedate());
    assertThat(timerDue("Timer_InvestigationAtRisk")).isTrue();
    fire(atRisk);
    assertThat(gone(atRisk)).isTrue();
    return guarded("Task_InterimAssessment", "Timer_InterimAssessmentDue", "INTERIM_ASSESSMENT");
  }

  @Test
  @DisplayName("an investigation that finds no need for intervention closes the case")
  void noInterventionClosesTheCase() {
    ProcessInstance pi = startInvestigation();

    complete("Task_Investigation", findings("NO_INTERVENTION"));

    assertThat(caseClosure.reasons()).containsExactly("NO_INTERVENTION_NEEDED");
    assertThat(ended(pi.getId())).isTrue();
    assertThat(passed(pi.getId())).contains("Gateway_InvestigationOutcome", "Task_CloseCase", "End_CaseClosed")
        .doesNotContain("CallActivity_ChooseStep", "SubProcess_InterventionsRunning");
    assertThat(calledInstances("step-selection")).isEmpty();
  }

  @Test
  @DisplayName("an intervention chooses the initial step with a recommendation and then runs the follow-up loop")
  void interventionChoosesAStepAndStartsTheFollowUp() {
    ProcessInstance pi = startInvestigation();

    complete("Task_Investigation", findings("INTERVENTION"));

    HistoricProcessInstance selection = calledInstance("step-selection");
    assertThat(runtime().getVariables(selection.getId())).containsEntry("selectionReason", "INITIAL")
        .containsEntry("recommendedCategory", "PREVENTIVE").containsEntry("safeAtHome", true)
        .containsEntry("youthWish", "STAY_HOME").containsEntry("kinOrNetworkPossible", false);

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(staircase.started()).extracting(FakeStaircase.Started::selectionReason).containsExactly("INITIAL");
    assertThat(staircase.started()).extracting(FakeStaircase.Started::caseNumber).containsExactly(CASE_NUMBER);
    assertThat(runtime().getVariable(pi.getId(), "interventionId")).isEqualTo(101L);
    assertThat(task("Task_WriteActionPlan")).isNotNull();
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
    assertThat(task("Task_FollowUp")).isNotNull();
    assertThat(passed(pi.getId())).contains("SubProcess_InterventionsRunning", "StartEvent_InterventionsStarted",
        "Gateway_FollowUpSplit", "Gateway_AgeClocks", "End_NoYouthPlanDue", "End_NoAftercareDue");
    assertThat(caseClosure.reasons()).isEmpty();
  }

  // ---- a new notification joins the case

  @Test
  @DisplayName("a joined notification from a professional asks for a re-assessment and an acknowledgement")
  void joinedNotificationFromAProfessionalAsksForReassessmentAndAcknowledgement() {
    ProcessInstance pi = startInvestigation();
    Date joinedAt = new Date(START.toEpochMilli() + Duration.ofDays(10).toMillis());
    clockAt(joinedAt);

    runtime().createMessageCorrelation("NotificationJoined").processInstanceBusinessKey(CASE_NUMBER)
        .setVariable("notificationId", 8L).setVariable("professionalNotifier", true)
        .setVariable("receivedAt", joinedAt).correlate();

    Task reassessment = task("Task_Reassessment");
    assertThat(reassessment.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(candidateGroups(reassessment)).containsExactly("team-nord");
    guarded("Task_Reassessment", "Timer_ReassessmentDue", "REASSESSMENT");
    Task send = task("Task_SendAcknowledgement");
    assertThat(runtime().getVariable(send.getProcessInstanceId(), "notificationId")).isEqualTo(8L);
    assertThat(task("Task_Investigation")).isNotNull();

    complete("Task_SendAcknowledgement");
    complete("Task_Reassessment");

    assertThat(passed(pi.getId())).contains("StartEvent_NotificationJoined", "Gateway_SplitJoined",
        "CallActivity_AcknowledgeJoined", "End_JoinedAcknowledgementHandled", "Task_Reassessment",
        "End_Reassessed");
    assertThat(task("Task_Investigation")).isNotNull();
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("a joined notification from a citizen asks for a re-assessment only")
  void joinedNotificationFromACitizenAsksForReassessmentOnly() {
    ProcessInstance pi = startInvestigation();

    runtime().createMessageCorrelation("NotificationJoined").processInstanceBusinessKey(CASE_NUMBER)
        .setVariable("notificationId", 8L).setVariable("professionalNotifier", false)
        .setVariable("receivedAt", now()).correlate();

    assertThat(task("Task_Reassessment")).isNotNull();
    assertThat(openTasks("Task_SendAcknowledgement")).isEmpty();
    assertThat(calledInstances("notification-acknowledgement")).hasSize(2)
        .allSatisfy(ack -> assertThat(passed(ack.getId())).contains("End_NoAcknowledgementDue"));
    assertThat(passed(pi.getId())).contains("End_JoinedAcknowledgementHandled");
  }

  @Test
  @DisplayName("a notification can also join a case whose interventions are running")
  void notificationJoinsWhileInterventionsRun() {
    startInterventions();

    runtime().createMessageCorrelation("NotificationJoined").processInstanceBusinessKey(CASE_NUMBER)
        .setVariable("notificationId", 9L).setVariable("professionalNotifier", false)
        .setVariable("receivedAt", now()).correlate();

    assertThat(task("Task_Reassessment")).isNotNull();
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
  }

  @Test
  @DisplayName("a re-assessment made in time does not escalate")
  void reassessmentInTimeDoesNotEscalate() {
    ProcessInstance pi = startInvestigation();
    runtime().createMessageCorrelation("NotificationJoined").processInstanceBusinessKey(CASE_NUMBER)
        .setVariable("notificationId", 8L).setVariable("professionalNotifier", false)
        .setVariable("receivedAt", now()).correlate();
    Guarded deadline = guarded("Task_Reassessment", "Timer_ReassessmentDue", "REASSESSMENT");

    clockBefore(deadline.due());
    complete("Task_Reassessment");

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).contains("End_Reassessed").doesNotContain("Task_EscalateReassessment");
  }

  @Test
  @DisplayName("a re-assessment made too late is escalated to the team leader and can still be made")
  void reassessmentTooLateEscalates() {
    ProcessInstance pi = startInvestigation();
    runtime().createMessageCorrelation("NotificationJoined").processInstanceBusinessKey(CASE_NUMBER)
        .setVariable("notificationId", 8L).setVariable("professionalNotifier", false)
        .setVariable("receivedAt", now()).correlate();
    Guarded deadline = guarded("Task_Reassessment", "Timer_ReassessmentDue", "REASSESSMENT");

    missDeadline(deadline, "Timer_ReassessmentDue");

    assertThat(deadlines.escalated()).containsExactly("REASSESSMENT");
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalateReassessment", "End_ReassessmentEscalated");

    complete("Task_Reassessment");

    assertThat(passed(pi.getId())).contains("End_Reassessed");
  }

  @Test
  @DisplayName("a concern before any intervention runs finds no one to answer it")
  void concernBeforeInterventionsIsRejected() {
    startInvestigation();

    assertThatThrownBy(() -> runtime().createMessageCorrelation("ConcernRaised")
        .processInstanceBusinessKey(CASE_NUMBER).setVariable("concernRaisedAt", now()).correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }
}
