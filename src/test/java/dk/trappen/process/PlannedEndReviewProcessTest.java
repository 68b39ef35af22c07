package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The review before an intervention's planned end ("Forbered nedtrapning", issue 20 point 5b): one
 * {@code SubProcess_PlannedEndReview} per running intervention inside "While interventions run".
 */
@Deployment(resources = {"bpmn/youth-case.bpmn", "bpmn/step-selection.bpmn", "bpmn/notification-acknowledgement.bpmn",
    "bpmn/step-recommendation.dmn"})
@DisplayName("Youth case: the review before an intervention's planned end")
class PlannedEndReviewProcessTest extends ProcessTestSupport {

  private static final String REVIEW = "Task_PlannedEndReview";
  private static final String OPENS = "Timer_PlannedEndReviewOpens";
  private static final String DUE = "Timer_PlannedEndReviewDue";
  private static final String KIND = "PLANNED_END_REVIEW";
  /** The first intervention (101) ends as planned on 30 June 2026; its review opens on 30 May. */
  private static final LocalDate FIRST_END = LocalDate.of(2026, 6, 30);

  private static Map<String, Object> outcome(String outcome, String stepDownKey) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reviewOutcome", outcome);
    vars.put("reviewStepDownKey", stepDownKey);
    return vars;
  }

  private static Map<String, Object> meeting(String decision) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("meetingDecision", decision);
    vars.put("lastMeetingAt", now());
    vars.put("replacesInterventionId", null);
    vars.put("recommendedStepKey", null);
    return vars;
  }

  /** The interventions run and the first one's review has opened. */
  private ProcessInstance reviewOpen() {
    plannedEndReview.plannedEnd(101L, FIRST_END);
    ProcessInstance pi = startInterventions();
    clockAt(FakeDeadlines.plannedEndReviewOpens(FIRST_END));
    fire(timer(OPENS));
    return pi;
  }

  private Object reviewed(Task task) {
    return tasks().getVariable(task.getId(), "reviewedInterventionId");
  }

  @Test
  @DisplayName("the review waits for the lead before the planned end and then opens, due by the end of that day")
  void reviewOpensTheLeadBeforeThePlannedEnd() {
    plannedEndReview.plannedEnd(101L, FIRST_END);
    ProcessInstance pi = startInterventions();

    Job opens = timer(OPENS);
    assertThat(opens.getDuedate()).hasSameTimeAs(FakeDeadlines.plannedEndReviewOpens(FIRST_END));
    assertThat(opens.getDuedate()).hasSameTimeAs(Date.from(LocalDate.of(2026, 5, 30).atStartOfDay()
        .toInstant(java.time.ZoneOffset.UTC)));
    assertThat(openTasks(REVIEW)).isEmpty();
    assertThat(deadlines.duesOf(KIND)).isEmpty();
    assertThat(plannedEndReview.read()).containsExactly(101L);

    clockBefore(opens.getDuedate());
    assertThat(timerDue(OPENS)).isFalse();
    clockAt(opens.getDuedate());
    assertThat(timerDue(OPENS)).isTrue();
    fire(opens);

    Task review = task(REVIEW);
    assertThat(candidateGroups(review)).containsExactly("team-nord");
    assertThat(reviewed(review)).isEqualTo(101L);
    Guarded deadline = guarded(REVIEW, DUE, KIND);
    assertThat(deadline.due()).hasSameTimeAs(FakeDeadlines.plannedEndReviewDue(FIRST_END));
    assertThat(passed(pi.getId())).contains("SubProcess_PlannedEndReview", "SubProcess_ReviewUntilDecided");
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
  }

  @Test
  @DisplayName("a review made in time does not escalate and its deadline timer goes away")
  void reviewInTimeDoesNotEscalate() {
    ProcessInstance pi = reviewOpen();
    Guarded deadline = guarded(REVIEW, DUE, KIND);

    clockBefore(deadline.due());
    complete(REVIEW, outcome("END", null));

    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).doesNotContain("Task_EscalatePlannedEndReview");
  }

  @Test
  @DisplayName("a review made too late is escalated to the team leader and can still be made")
  void reviewTooLateEscalates() {
    ProcessInstance pi = reviewOpen();
    Guarded deadline = guarded(REVIEW, DUE, KIND);

    missDeadline(deadline, DUE);

    assertThat(deadlines.escalated()).containsExactly(KIND);
    stillOpen(deadline);
    assertThat(passed(pi.getId())).contains("Task_EscalatePlannedEndReview", "End_PlannedEndReviewEscalated");

    complete(REVIEW, outcome("END", null));

    assertThat(openTasks(REVIEW)).isEmpty();
    assertThat(deadlines.escalated()).containsExactly(KIND);
    assertThat(passed(pi.getId())).contains("End_InterventionEnded");
  }

  @Test
  @DisplayName("an extended intervention is reviewed again, the lead before its new planned end")
  void extendedInterventionIsReviewedAgainBeforeTheNewEnd() {
    ProcessInstance pi = reviewOpen();
    Guarded first = guarded(REVIEW, DUE, KIND);
    LocalDate newEnd = LocalDate.of(2026, 12, 31);
    // the review form records the new planned end on the intervention; the review reads it from there
    plannedEndReview.plannedEnd(101L, newEnd);

    complete(REVIEW, outcome("EXTEND", null));

    assertThat(openTasks(REVIEW)).isEmpty();
    assertThat(gone(first.timer())).isTrue();
    Job again = timer(OPENS);
    assertThat(again.getDuedate()).hasSameTimeAs(FakeDeadlines.plannedEndReviewOpens(newEnd));
    assertThat(plannedEndReview.read()).containsExactly(101L, 101L);
    assertThat(passed(pi.getId())).contains("End_ReviewDecided").doesNotContain("End_InterventionEnded",
        "CallActivity_StepDown");

    clockAt(again.getDuedate());
    fire(again);

    Guarded second = guarded(REVIEW, DUE, KIND);
    assertThat(second.due()).hasSameTimeAs(FakeDeadlines.plannedEndReviewDue(newEnd));
    assertThat(reviewed(second.task())).isEqualTo(101L);
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("stepping down as planned chooses the recorded next step down, and the new intervention gets its own review")
  void steppingDownChoosesTheNextStepDownAndReviewsTheNewIntervention() {
    ProcessInstance pi = reviewOpen();
    Guarded deadline = guarded(REVIEW, DUE, KIND);
    plannedEndReview.plannedEnd(102L, LocalDate.of(2026, 11, 30));

    complete(REVIEW, outcome("STEP_DOWN", "UNIVERSAL"));

    assertThat(gone(deadline.timer())).isTrue();
    HistoricProcessInstance stepDown = calledInstances("step-selection").get(1);
    assertThat(runtime().getVariables(stepDown.getId())).containsEntry("selectionReason", "STEP_CHANGE")
        .containsEntry("replacesInterventionId", 101L).containsEntry("recommendedStepKey", "UNIVERSAL")
        .containsEntry("teamGroup", "team-nord").doesNotContainKey("recommendedCategory");
    assertThat(timers(OPENS)).isEmpty();

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(staircase.started()).hasSize(2);
    assertThat(staircase.started().get(1).replacesInterventionId()).isEqualTo(101L);
    assertThat(passed(stepDown.getId())).doesNotContain("Task_RecommendStep");
    assertThat(runtime().getVariable(pi.getId(), "interventionId")).isEqualTo(102L);
    assertThat(plannedEndReview.read()).containsExactly(101L, 102L);
    assertThat(timer(OPENS).getDuedate())
        .hasSameTimeAs(FakeDeadlines.plannedEndReviewOpens(LocalDate.of(2026, 11, 30)));
    assertThat(passed(pi.getId())).contains("CallActivity_StepDown", "End_SteppedDown");
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
  }

  @Test
  @DisplayName("an intervention ended at its review has no further review, and the case goes on")
  void endedInterventionHasNoFurtherReview() {
    ProcessInstance pi = reviewOpen();

    complete(REVIEW, outcome("END", null));

    assertThat(openTasks(REVIEW)).isEmpty();
    assertThat(timers(OPENS)).isEmpty();
    assertThat(timers(DUE)).isEmpty();
    assertThat(passed(pi.getId())).contains("End_InterventionEnded", "End_PlannedEndReviewOver");
    assertThat(ended(pi.getId())).isFalse();
    assertThat(task("Task_HoldNetworkMeeting")).isNotNull();
    assertThat(task("Task_FollowUp")).isNotNull();
    assertThat(calledInstances("step-selection")).hasSize(1);
  }

  @Test
  @DisplayName("an open review is cancelled, not missed, when a meeting replaces its intervention first")
  void openReviewIsCancelledWhenAMeetingReplacesTheIntervention() {
    ProcessInstance pi = reviewOpen();
    Guarded deadline = guarded(REVIEW, DUE, KIND);
    Map<String, Object> vars = meeting("CHANGE_STEP");
    vars.put("selectionReason", "STEP_CHANGE");
    vars.put("replacesInterventionId", 101L);
    vars.put("recommendedStepKey", "UNIVERSAL");
    complete("Task_HoldNetworkMeeting", vars);
    assertThat(task(REVIEW).getId()).isEqualTo(deadline.task().getId());

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(openTasks(REVIEW)).isEmpty();
    assertThat(gone(deadline.timer())).isTrue();
    HistoricTaskInstance cancelled = history().createHistoricTaskInstanceQuery()
        .taskId(deadline.task().getId()).singleResult();
    assertThat(cancelled.getDeleteReason()).isNotEqualTo("completed");
    assertThat(passed(pi.getId())).contains("Event_EndReplacedReview", "Signal_InterventionEnded",
        "End_ReviewCancelled");
    // the new intervention (102) has its review ahead, the replaced one none
    assertThat(timers(OPENS)).hasSize(1);
    assertThat(plannedEndReview.read()).containsExactly(101L, 102L);
    clockAfter(deadline.due());
    assertThat(timerDue(DUE)).isFalse();
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("a review still waiting for its lead goes away when a meeting replaces its intervention")
  void waitingReviewGoesAwayWhenAMeetingReplacesTheIntervention() {
    plannedEndReview.plannedEnd(101L, FIRST_END);
    ProcessInstance pi = startInterventions();
    Job waiting = timer(OPENS);
    Map<String, Object> vars = meeting("CHANGE_STEP");
    vars.put("selectionReason", "STEP_CHANGE");
    vars.put("replacesInterventionId", 101L);
    vars.put("recommendedStepKey", "INTENSIVE");
    complete("Task_HoldNetworkMeeting", vars);

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(gone(waiting)).isTrue();
    assertThat(timers(OPENS)).hasSize(1);
    assertThat(timer(OPENS).getDuedate())
        .hasSameTimeAs(FakeDeadlines.plannedEndReviewOpens(FakePlannedEndReview.DEFAULT_PLANNED_END));
    assertThat(passed(pi.getId())).contains("End_ReviewCancelled");
    assertThat(deadlines.duesOf(KIND)).isEmpty();
  }

  @Test
  @DisplayName("an intervention added in parallel gets its own review; each opens and is decided on its own")
  void parallelInterventionsAreReviewedEachOnTheirOwn() {
    plannedEndReview.plannedEnd(101L, FIRST_END).plannedEnd(102L, LocalDate.of(2026, 8, 31));
    ProcessInstance pi = startInterventions();
    Map<String, Object> vars = meeting("CHANGE_STEP");
    vars.put("selectionReason", "PARALLEL");
    complete("Task_HoldNetworkMeeting", vars);
    complete("Task_ChooseStep", chooseStep(false));

    List<Job> waiting = timers(OPENS);
    assertThat(waiting).hasSize(2);
    assertThat(waiting).extracting(Job::getDuedate).map(Date::getTime).containsExactlyInAnyOrder(
        FakeDeadlines.plannedEndReviewOpens(FIRST_END).getTime(),
        FakeDeadlines.plannedEndReviewOpens(LocalDate.of(2026, 8, 31)).getTime());
    assertThat(passed(pi.getId())).doesNotContain("Event_EndReplacedReview");

    clockAt(FakeDeadlines.plannedEndReviewOpens(FIRST_END));
    management().createJobQuery().timers().activityId(OPENS).executable().list().forEach(this::fire);
    assertThat(reviewed(task(REVIEW))).isEqualTo(101L);
    complete(REVIEW, outcome("END", null));
    assertThat(timers(OPENS)).hasSize(1);

    clockAt(FakeDeadlines.plannedEndReviewOpens(LocalDate.of(2026, 8, 31)));
    fire(timer(OPENS));
    assertThat(reviewed(task(REVIEW))).isEqualTo(102L);
    assertThat(deadlines.duesOf(KIND)).hasSize(2);
    assertThat(deadlines.escalated()).isEmpty();
  }

  @Test
  @DisplayName("when the case closes first, the review and its deadline go away with it")
  void caseClosingCancelsTheReview() {
    ProcessInstance pi = reviewOpen();
    Guarded deadline = guarded(REVIEW, DUE, KIND);
    Map<String, Object> vars = meeting("CLOSE");
    vars.put("closureReason", "GOAL_REACHED");

    complete("Task_HoldNetworkMeeting", vars);

    assertThat(ended(pi.getId())).isTrue();
    assertThat(caseClosure.reasons()).containsExactly("GOAL_REACHED");
    assertThat(openTasks(REVIEW)).isEmpty();
    assertThat(gone(deadline.timer())).isTrue();
    assertThat(management().createJobQuery().count()).isZero();
    assertThat(deadlines.escalated()).isEmpty();
  }
}
