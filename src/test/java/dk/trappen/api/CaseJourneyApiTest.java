package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One case through the journey over the REST API, with time moved by the demo clock: notification, acute assessment
 * (late, escalated), investigation, step choice, action plan and the first network meeting. At every stage the
 * deadline register and the engine's timers agree.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@DisplayName("A case through the journey over the API")
class CaseJourneyApiTest extends ApiTestSupport {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Autowired
  private TaskService engineTasks;
  @Autowired
  private HistoryService history;

  private Map<String, Object> notification(String cpr, String birth, Instant receivedAt) {
    return Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Alfred", "lastName", "Holm", "birthDate", birth),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Vestre Skole",
        "concern", "Meget fravær; ingen mad derhjemme.", "receivedAt", receivedAt.toString(), "team", "nord");
  }

  @Test
  @DisplayName("a notification becomes a case that moves from intake to its first network meeting, and the register "
      + "always agrees with the timers")
  void fromNotificationToFirstNetworkMeeting() throws Exception {
    Instant received = now();
    Response created = postJson("ida", "/api/notifications", notification("0102124321", "2012-02-01", received),
        Map.of("Idempotency-Key", "journey-1"));
    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();

    Response retry = postJson("ida", "/api/notifications", notification("0102124321", "2012-02-01", received),
        Map.of("Idempotency-Key", "journey-1"));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(retry.body().path("duplicate").asBoolean()).isTrue();

    JsonNode acute = deadline(caseNumber, "ACUTE_ASSESSMENT");
    assertThat(Instant.parse(acute.path("dueAt").asText())).isEqualTo(received.plus(Duration.ofHours(24)));
    assertThat(acute.path("state").asText()).isEqualTo("OPEN");
    assertThat(acute.path("rule").asText()).contains("PT24H");
    JsonNode ack = deadline(caseNumber, "ACKNOWLEDGEMENT");
    // Tue 2 March 2027 + 6 working days = Wed 10 March, by the end of that day
    assertThat(Instant.parse(ack.path("dueAt").asText()))
        .isEqualTo(LocalDate.of(2027, 3, 10).atTime(23, 59, 59).atZone(CPH).toInstant());
    registerAgreesWithTimers(caseNumber);

    // 25 hours later the acute assessment is overdue: escalated, and the task is still there
    Response moved = advanceDemoClock("PT25H");
    assertThat(moved.body().path("timersFired").asInt()).isGreaterThanOrEqualTo(1);
    Response overdue = getJson("birgitte", "/api/oversight/deadlines?state=overdue&size=200");
    assertThat(overdue.status()).isEqualTo(200);
    assertThat(overdue.body().path("page").path("totalPages").asInt()).as("one page holds every overdue deadline")
        .isEqualTo(1);
    JsonNode escalated = find(overdue.body().path("content"), caseNumber, "ACUTE_ASSESSMENT");
    assertThat(escalated.path("escalatedAt").isNull()).isFalse();
    assertThat(escalated.path("state").asText()).isEqualTo("OVERDUE");

    assertThat(complete("ida", caseNumber, "acute-assessment",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    // the unclaimed task was claimed by whoever completed it: the history says who did the work
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_AcuteAssessment").finished().singleResult().getAssignee()).isEqualTo("ida");
    assertThat(deadline(caseNumber, "ACUTE_ASSESSMENT").path("state").asText()).isEqualTo("MET_LATE");
    JsonNode investigation = deadline(caseNumber, "INVESTIGATION");
    assertThat(Instant.parse(investigation.path("dueAt").asText()))
        .isEqualTo(endOfDay(received.atZone(CPH).toLocalDate().plusMonths(4)));
    registerAgreesWithTimers(caseNumber);

    assertThat(complete("ida", caseNumber, "acknowledgement", Map.of("note", "Sendt.")).status()).isEqualTo(204);
    assertThat(deadline(caseNumber, "ACKNOWLEDGEMENT").path("state").asText()).isEqualTo("MET");

    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);
    String chooseId = taskId("karen", caseNumber, "choose-step");
    // karen did the investigation, so the case is hers: the next task is hers, not the team's to pick up
    assertThat(casesCaseworker(caseNumber)).isEqualTo("karen");
    assertHeldBy("karen", caseNumber, "choose-step");
    Response choose = getJson("karen", "/api/tasks/" + chooseId);
    assertThat(choose.body().path("details").toString()).contains("PREVENTIVE");

    // a higher step than recommended without a justification is refused, naming the field, and changes nothing
    Response tooHigh = postJson("karen", "/api/tasks/" + chooseId + "/complete", Map.of(
        "stepKey", "HOME_BASED", "description", "Familiebehandling.", "plannedEnd", "2027-12-31",
        "nextStepDownKey", "PREVENTIVE"));
    assertThat(tooHigh.status()).isEqualTo(400);
    assertThat(tooHigh.body().path("errors").has("justification")).isTrue();
    assertThat(taskId("karen", caseNumber, "choose-step")).isEqualTo(chooseId);

    // no conversation with the child in the journal: the choice must say why the child was not heard
    Map<String, Object> preventive = Map.of(
        "stepKey", "PREVENTIVE", "description", "Familierådgivning.", "plannedEnd", "2027-12-31",
        "nextStepDownKey", "EARLY_HELP");
    assertThat(choose.body().path("details").path("childConversationHeld").asBoolean()).isFalse();
    Response unheard = postJson("karen", "/api/tasks/" + chooseId + "/complete", preventive);
    assertThat(unheard.status()).isEqualTo(400);
    assertThat(unheard.body().path("errors").has("childNotHeardReason")).isTrue();
    assertThat(taskId("karen", caseNumber, "choose-step")).isEqualTo(chooseId);
    // karen holds the conversation with the child and writes it in the journal: then the choice needs no reason
    assertThat(postJson("karen", "/api/cases/" + caseNumber + "/journal", Map.of("kind", "CHILD_CONVERSATION",
        "happenedAt", now().minusSeconds(3600).toString(), "text", "Samtale med barnet om hjælpen derhjemme."))
        .status()).isEqualTo(201);
    assertThat(getJson("karen", "/api/tasks/" + chooseId).body().path("details").path("childConversationHeld")
        .asBoolean()).isTrue();

    Instant decided = now();
    assertThat(postJson("karen", "/api/tasks/" + chooseId + "/complete", preventive).status()).isEqualTo(204);

    JsonNode theCase = getJson("karen", "/api/cases/" + caseNumber).body();
    assertThat(theCase.path("runningInterventions").toString()).contains("PREVENTIVE");
    for (String next : List.of("action-plan", "network-meeting", "follow-up")) {
      assertHeldBy("karen", caseNumber, next);
    }
    JsonNode meeting = deadline(caseNumber, "NETWORK_MEETING");
    assertThat(Instant.parse(meeting.path("dueAt").asText()))
        .isEqualTo(endOfDay(decided.atZone(CPH).toLocalDate().plusDays(56)));
    assertThat(Instant.parse(deadline(caseNumber, "ACTION_PLAN").path("dueAt").asText()))
        .isEqualTo(endOfDay(decided.atZone(CPH).toLocalDate().plusMonths(3)));
    assertThat(Instant.parse(deadline(caseNumber, "FIRST_FOLLOW_UP").path("dueAt").asText()))
        .isEqualTo(endOfDay(decided.atZone(CPH).toLocalDate().plusMonths(3)));
    registerAgreesWithTimers(caseNumber);

    // the first network meeting, 40 days later (across the DST change of 28 March)
    advanceDemoClock("P40D");
    Instant held = now();
    assertThat(complete("karen", caseNumber, "network-meeting", Map.of(
        "participants", List.of(Map.of("role", "YOUTH", "name", "Alfred"), Map.of("role", "PARENT", "name", "Mor")),
        "goalProgress", List.of(), "youthSatisfaction", 4, "youthVoice", "Rart.",
        "decision", "CONTINUE", "decisionNote", "Fortsætter.")).status()).isEqualTo(204);
    List<JsonNode> meetings = deadlines(caseNumber, "NETWORK_MEETING");
    assertHeldBy("karen", caseNumber, "network-meeting");
    assertThat(meetings).hasSize(2);
    assertThat(meetings.get(0).path("state").asText()).isEqualTo("MET");
    assertThat(Instant.parse(meetings.get(1).path("dueAt").asText()))
        .isEqualTo(endOfDay(held.atZone(CPH).toLocalDate().plusDays(56)));
    registerAgreesWithTimers(caseNumber);
  }

  /** A deadline counted in days or months runs out at the end of its last day: 23:59:59 Danish time. */
  private static Instant endOfDay(LocalDate lastDay) {
    return lastDay.atTime(23, 59, 59).atZone(CPH).toInstant();
  }

  /** The case's task of that kind is assigned to {@code user} (not left for the team to pick up). */
  private void assertHeldBy(String user, String caseNumber, String kind) throws Exception {
    JsonNode task = getJson(user, "/api/tasks/" + taskId(user, caseNumber, kind)).body();
    assertThat(task.path("assignee").asText()).as(kind + " of " + caseNumber).isEqualTo(user);
  }

  private String casesCaseworker(String caseNumber) throws Exception {
    return getJson("karen", "/api/cases/" + caseNumber).body().path("caseworker").asText();
  }

  /** Moves time with the demo clock API, then holds it still so that the test can compute exact due times. */
  private Response advanceDemoClock(String by) throws Exception {
    Response moved = postJson("admin", "/api/demo/clock", Map.of("advance", by));
    assertThat(moved.status()).isEqualTo(200);
    moveClockTo(Instant.parse(moved.body().path("now").asText()));
    return moved;
  }

  /** Every open register row has a timer job on the same execution that is due at exactly the row's due time. */
  private void registerAgreesWithTimers(String caseNumber) throws Exception {
    JsonNode theCase = getJson("karen", "/api/cases/" + caseNumber).body();
    Set<String> checked = new HashSet<>();
    for (JsonNode d : theCase.path("deadlines")) {
      if (!d.path("metAt").isNull() || !d.path("cancelledAt").isNull()) {
        continue;
      }
      String executionId = d.path("executionId").asText();
      List<Job> timers = management.createJobQuery().timers().executionId(executionId).list();
      assertThat(timers).as("timer of %s on execution %s", d.path("kind").asText(), executionId).isNotEmpty();
      assertThat(timers).extracting(j -> j.getDuedate().toInstant())
          .as("due date of the timer guarding %s", d.path("kind").asText())
          .contains(Instant.parse(d.path("dueAt").asText()));
      var task = engineTasks.createTaskQuery().executionId(executionId).singleResult();
      assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse(d.path("dueAt").asText()));
      checked.add(d.path("kind").asText());
    }
    assertThat(checked).isNotEmpty();
  }

  private JsonNode deadline(String caseNumber, String kind) throws Exception {
    List<JsonNode> rows = deadlines(caseNumber, kind);
    assertThat(rows).as("deadlines of kind " + kind).isNotEmpty();
    return rows.get(rows.size() - 1);
  }

  private List<JsonNode> deadlines(String caseNumber, String kind) throws Exception {
    Response theCase = getJson("karen", "/api/cases/" + caseNumber);
    assertThat(theCase.status()).isEqualTo(200);
    java.util.ArrayList<JsonNode> rows = new java.util.ArrayList<>();
    theCase.body().path("deadlines").forEach(d -> {
      if (kind.equals(d.path("kind").asText())) {
        rows.add(d);
      }
    });
    rows.sort(java.util.Comparator.comparing(d -> d.path("id").asLong()));
    return rows;
  }

  private static JsonNode find(JsonNode rows, String caseNumber, String kind) {
    for (JsonNode d : rows) {
      if (caseNumber.equals(d.path("caseNumber").asText()) && kind.equals(d.path("kind").asText())) {
        return d;
      }
    }
    throw new AssertionError("no " + kind + " of " + caseNumber + " in " + rows);
  }
}
