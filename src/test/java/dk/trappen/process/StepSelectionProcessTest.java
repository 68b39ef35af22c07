package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The called process "Choose a step on the staircase", started on its own with the variables a caller maps in. */
@Deployment(resources = {"bpmn/youth-case.bpmn", "bpmn/step-selection.bpmn", "bpmn/notification-acknowledgement.bpmn",
    "bpmn/step-recommendation.dmn"})
@DisplayName("Step selection")
class StepSelectionProcessTest extends ProcessTestSupport {

  private ProcessInstance select(String reason) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseId", CASE_ID);
    vars.put("teamCode", "nord");
    vars.put("teamGroup", "team-nord");
    vars.put("leadGroup", "lead-nord");
    vars.put("riskLevel", "HIGH");
    vars.put("safeAtHome", true);
    vars.put("kinOrNetworkPossible", false);
    vars.put("youthWish", "STAY_HOME");
    vars.put("selectionReason", reason);
    vars.put("firstInterventionStartedAt", null);
    return runtime().startProcessInstanceByKey("step-selection", CASE_NUMBER, vars);
  }

  private static Map<String, Object> approval(boolean approved) {
    return Map.of("placementApproved", approved);
  }

  @Test
  @DisplayName("an initial selection is recommended a step and waits for the team to choose")
  void initialSelectionIsRecommendedAStep() {
    ProcessInstance pi = select("INITIAL");

    assertThat(runtime().getVariable(pi.getId(), "recommendedCategory")).isEqualTo("HOME_BASED");
    Task choose = task("Task_ChooseStep");
    assertThat(choose.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(candidateGroups(choose)).containsExactly("team-nord");
    assertThat(choose.getDueDate()).isNull();
    assertThat(passed(pi.getId())).containsExactly("StartEvent_StepSelectionStarted", "Gateway_NeedsRecommendation",
        "Task_RecommendStep", "Gateway_MergeRecommendation", "Gateway_ChooseAgain", "Task_ChooseStep");
  }

  @Test
  @DisplayName("an emergency selection is recommended a step too")
  void emergencySelectionIsRecommendedAStep() {
    ProcessInstance pi = select("EMERGENCY");

    assertThat(runtime().getVariable(pi.getId(), "recommendedCategory")).isEqualTo("HOME_BASED");
    assertThat(passed(pi.getId())).contains("Task_RecommendStep");
  }

  @Test
  @DisplayName("a step change goes to the choice without a recommendation")
  void stepChangeHasNoRecommendation() {
    ProcessInstance pi = select("STEP_CHANGE");

    assertThat(runtime().getVariables(pi.getId())).doesNotContainKey("recommendedCategory");
    assertThat(passed(pi.getId())).containsExactly("StartEvent_StepSelectionStarted", "Gateway_NeedsRecommendation",
        "Gateway_MergeRecommendation", "Gateway_ChooseAgain", "Task_ChooseStep");
  }

  @Test
  @DisplayName("a parallel intervention goes to the choice without a recommendation")
  void parallelInterventionHasNoRecommendation() {
    ProcessInstance pi = select("PARALLEL");

    assertThat(runtime().getVariables(pi.getId())).doesNotContainKey("recommendedCategory");
    assertThat(passed(pi.getId())).doesNotContain("Task_RecommendStep");
    assertThat(task("Task_ChooseStep")).isNotNull();
  }

  @Test
  @DisplayName("a step that is no placement starts the intervention at once")
  void nonPlacementStartsAtOnce() {
    ProcessInstance pi = select("INITIAL");

    complete("Task_ChooseStep", chooseStep(false));

    assertThat(ended(pi.getId())).isTrue();
    assertThat(staircase.started()).hasSize(1);
    assertThat(staircase.started().get(0).recommendedCategory()).isEqualTo("HOME_BASED");
    assertThat(passed(pi.getId())).endsWith("Gateway_PlacementStep", "Task_StartIntervention",
        "End_InterventionStarted").doesNotContain("Task_ApprovePlacement");
    assertThat(historicVariable(pi.getId(), "interventionId")).isEqualTo(101L);
    assertThat(historicVariable(pi.getId(), "firstInterventionStartedAt")).isEqualTo(now());
  }

  @Test
  @DisplayName("a placement needs the team leader's approval, due 2 working days after it was proposed; approved in"
      + " time, the intervention starts and nothing escalates")
  void approvedPlacementStarts() {
    ProcessInstance pi = select("INITIAL");

    complete("Task_ChooseStep", chooseStep(true));

    Task approve = task("Task_ApprovePlacement");
    assertThat(candidateGroups(approve)).containsExactly("lead-nord");
    assertThat(staircase.started()).isEmpty();
    Guarded deadline = guarded("Task_ApprovePlacement", "Timer_PlacementApprovalDue", "PLACEMENT_APPROVAL");

    clockBefore(deadline.due());
    complete("Task_ApprovePlacement", approval(true));

    assertThat(ended(pi.getId())).isTrue();
    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(staircase.started()).hasSize(1);
    assertThat(passed(pi.getId())).endsWith("Task_ApprovePlacement", "Gateway_PlacementApproved",
        "Task_StartIntervention", "End_InterventionStarted")
        .doesNotContain("Task_EscalatePlacementApproval");
  }

  @Test
  @DisplayName("a placement not approved in time is escalated to the team leader once and can still be approved")
  void placementApprovalTooLateEscalates() {
    ProcessInstance pi = select("INITIAL");
    complete("Task_ChooseStep", chooseStep(true));
    Guarded deadline = guarded("Task_ApprovePlacement", "Timer_PlacementApprovalDue", "PLACEMENT_APPROVAL");

    missDeadline(deadline, "Timer_PlacementApprovalDue");

    assertThat(deadlines.escalated()).containsExactly("PLACEMENT_APPROVAL");
    stillOpen(deadline);
    assertThat(gone(deadline.timer())).isTrue();
    assertThat(passed(pi.getId())).contains("Timer_PlacementApprovalDue", "Task_EscalatePlacementApproval",
        "End_PlacementApprovalEscalated");
    assertThat(staircase.started()).isEmpty();

    complete("Task_ApprovePlacement", approval(true));

    assertThat(ended(pi.getId())).isTrue();
    assertThat(staircase.started()).hasSize(1);
    assertThat(deadlines.escalated()).containsExactly("PLACEMENT_APPROVAL");
  }

  @Test
  @DisplayName("a rejected placement goes back to the team to choose again, and a placement proposed again gets a new"
      + " approval clock")
  void rejectedPlacementGoesBackToTheChoice() {
    ProcessInstance pi = select("INITIAL");
    Task first = task("Task_ChooseStep");
    complete("Task_ChooseStep", chooseStep(true));
    Guarded firstApproval = guarded("Task_ApprovePlacement", "Timer_PlacementApprovalDue", "PLACEMENT_APPROVAL");

    clockBefore(firstApproval.due());
    complete("Task_ApprovePlacement", approval(false));

    assertThat(gone(firstApproval.timer())).isTrue();
    assertThat(openTasks("Task_ApprovePlacement")).isEmpty();
    Task again = task("Task_ChooseStep");
    assertThat(again.getId()).isNotEqualTo(first.getId());
    assertThat(staircase.started()).isEmpty();
    assertThat(timesPassed(pi.getId(), "Gateway_ChooseAgain")).isEqualTo(2);
    assertThat(timesPassed(pi.getId(), "Task_RecommendStep")).isEqualTo(1);

    complete("Task_ChooseStep", chooseStep(true));

    Guarded secondApproval = guarded("Task_ApprovePlacement", "Timer_PlacementApprovalDue", "PLACEMENT_APPROVAL");
    assertThat(secondApproval.due()).isAfter(firstApproval.due());
    assertThat(deadlines.duesOf("PLACEMENT_APPROVAL")).hasSize(2);

    complete("Task_ApprovePlacement", approval(false));
    complete("Task_ChooseStep", chooseStep(false));

    assertThat(ended(pi.getId())).isTrue();
    assertThat(staircase.started()).hasSize(1);
    assertThat(deadlines.escalated()).isEmpty();
  }
}
