package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The called process "Acknowledge a professional notifier", started on its own. */
@Deployment(resources = {"bpmn/youth-case.bpmn", "bpmn/step-selection.bpmn", "bpmn/notification-acknowledgement.bpmn",
    "bpmn/step-recommendation.dmn"})
@DisplayName("Acknowledgement of a professional notifier")
class AcknowledgementProcessTest extends ProcessTestSupport {

  private ProcessInstance acknowledge(boolean professional) {
    return runtime().startProcessInstanceByKey("notification-acknowledgement", CASE_NUMBER, Map.of(
        "caseId", CASE_ID, "teamCode", "nord", "receivedAt", Date.from(START),
        "professionalNotifier", professional, "notificationId", NOTIFICATION_ID));
  }

  @Test
  @DisplayName("a citizen's notification needs no acknowledgement")
  void citizenNeedsNoAcknowledgement() {
    ProcessInstance pi = acknowledge(false);

    assertThat(ended(pi.getId())).isTrue();
    assertThat(passed(pi.getId())).containsExactly("StartEvent_AcknowledgementStarted",
        "Gateway_ProfessionalNotifier", "End_NoAcknowledgementDue");
    assertThat(deadlines.duesOf("ACKNOWLEDGEMENT")).isEmpty();
    assertThat(management().createJobQuery().count()).isZero();
  }

  @Test
  @DisplayName("a professional notifier is acknowledged by intake before the deadline, without escalation")
  void acknowledgementInTimeDoesNotEscalate() {
    ProcessInstance pi = acknowledge(true);
    Task send = task("Task_SendAcknowledgement");
    assertThat(candidateGroups(send)).containsExactly("intake");
    Guarded deadline = guarded("Task_SendAcknowledgement", "Timer_AcknowledgementDue", "ACKNOWLEDGEMENT");

    clockBefore(deadline.due());
    complete("Task_SendAcknowledgement");

    assertThat(ended(pi.getId())).isTrue();
    assertThat(gone(deadline.timer())).isTrue();
    assertThat(deadlines.escalated()).isEmpty();
    assertThat(passed(pi.getId())).endsWith("Task_SendAcknowledgement", "End_Acknowledged")
        .doesNotContain("Task_EscalateAcknowledgement");
  }

  @Test
  @DisplayName("an acknowledgement sent too late is escalated to the team leader and can still be sent")
  void acknowledgementTooLateEscalates() {
    ProcessInstance pi = acknowledge(true);
    Guarded deadline = guarded("Task_SendAcknowledgement", "Timer_AcknowledgementDue", "ACKNOWLEDGEMENT");

    missDeadline(deadline, "Timer_AcknowledgementDue");

    assertThat(deadlines.escalated()).containsExactly("ACKNOWLEDGEMENT");
    stillOpen(deadline);
    assertThat(ended(pi.getId())).isFalse();
    assertThat(passed(pi.getId())).contains("Timer_AcknowledgementDue", "Task_EscalateAcknowledgement",
        "End_AcknowledgementEscalated");

    complete("Task_SendAcknowledgement");

    assertThat(ended(pi.getId())).isTrue();
    assertThat(passed(pi.getId())).contains("End_Acknowledged");
  }
}
