package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.oversight.DeadlineCompliance;
import dk.trappen.testsupport.DeadlineEngineState;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Extending and pausing a deadline over the API (issue 20): a caseworker asks and the team leader decides; the
 * register keeps the legal due time and every change; the timer, the task and {@code deadlineDue} move with the due
 * time; the compliance figures count a deadline met within its extension apart from one met within the legal deadline.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Extending and pausing a deadline over the API")
class DeadlineExtensionsApiTest extends ApiTestSupport {

  static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Autowired
  private TaskService engineTasks;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private AuditService audit;
  @Autowired
  private CaseService cases;
  @Autowired
  private DeadlineCompliance compliance;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** A new case of team nord with its investigation open (the acute assessment done by intake). */
  static String caseWithInvestigation(ApiTestSupport t) throws Exception {
    LocalDate born = LocalDate.of(2013, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1500));
    String cpr = JourneySeeder.cpr(born, ThreadLocalRandom.current().nextInt(6000));
    Response created = t.postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Frida", "lastName", "Fristesen", "birthDate", born.toString()),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Skolen", "concern", "Bekymring.",
        "receivedAt", t.now().toString(), "team", "nord"));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();
    assertThat(t.complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE", "note", "Ja."))
        .status()).isEqualTo(204);
    return caseNumber;
  }

  private JsonNode deadline(String user, String caseNumber, String kind) throws Exception {
    Response r = getJson(user, "/api/cases/" + caseNumber + "/deadlines");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    for (JsonNode d : r.body()) {
      if (kind.equals(d.path("deadline").path("kind").asText())) {
        return d;
      }
    }
    throw new AssertionError("no " + kind + " on " + caseNumber + ": " + r.body());
  }

  private Response ask(String user, String caseNumber, long id, String type, String reason, LocalDate date)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("type", type);
    body.put("reason", reason);
    body.put("newDueDate", date == null ? null : date.toString());
    return postJson(user, "/api/cases/" + caseNumber + "/deadlines/" + id + "/extensions", body);
  }

  private Response decide(String user, String caseNumber, long id, long changeId, Boolean approve, String note)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("approve", approve);
    body.put("note", note);
    return postJson(user, "/api/cases/" + caseNumber + "/deadlines/" + id + "/extensions/" + changeId + "/decision",
        body);
  }

  private static Instant at(JsonNode node, String field) {
    return Instant.parse(node.path(field).asText());
  }

  /** The timers, the task's due date and deadlineDue of the deadline's execution are all at {@code due}. */
  private void engineAt(String executionId, Instant due) {
    DeadlineEngineState.assertEngineAt(management, engineTasks, runtime, executionId, due);
  }

  private DeadlineCompliance.Compliance compliance(YearMonth month) {
    // this month and the last: the second after a deadline due at 23:59:59 on a month's last day is in the next month
    return compliance.of("nord", 2).stream()
        .filter(c -> c.kind() == DeadlineKind.INVESTIGATION && c.month().equals(month)).findFirst()
        .orElse(new DeadlineCompliance.Compliance(DeadlineKind.INVESTIGATION, month, 0, 0, 0));
  }

  /**
   * Met after its legal due time and by its current one: the compliance figures of its due month, read just before and
   * just after it falls due (other tests' rows are the same in both), count it as met within an extended deadline.
   */
  private void countedAsMetWithinExtension(Instant due) {
    YearMonth month = YearMonth.from(due.atZone(CPH));
    moveClockTo(due.minusSeconds(1));
    DeadlineCompliance.Compliance before = compliance(month);
    moveClockTo(due.plusSeconds(1));
    DeadlineCompliance.Compliance after = compliance(month);
    assertThat(after.due() - before.due()).as("counted among the month's deadlines").isEqualTo(1);
    assertThat(after.metInExtension() - before.metInExtension()).as("met within an extended deadline")
        .isEqualTo(1);
    assertThat(after.metInTime() - before.metInTime()).as("not met within the legal deadline").isZero();
  }

  private List<String> writesOnCase(String caseNumber) {
    return audit.ofCase(cases.get(caseNumber).id()).stream()
        .filter(v -> v.action() == AuditAction.WRITE && v.what().startsWith("deadlines: "))
        .map(v -> v.username() + " " + v.what()).toList();
  }

  @Test
  @DisplayName("a caseworker's extension waits for the team leader and moves nothing; approved, it moves the due "
      + "time, the timer, the task and deadlineDue, keeps the legal due time, and a deadline met within it counts as "
      + "met within an extended deadline")
  void extensionAskedAndApproved() throws Exception {
    String caseNumber = caseWithInvestigation(this);
    JsonNode before = deadline("karen", caseNumber, "INVESTIGATION").path("deadline");
    long id = before.path("id").asLong();
    String executionId = before.path("executionId").asText();
    Instant legal = at(before, "legalDueAt");
    assertThat(at(before, "dueAt")).isEqualTo(legal);
    engineAt(executionId, legal);

    LocalDate newDate = legal.atZone(CPH).toLocalDate().plusDays(30);
    Response asked = ask("karen", caseNumber, id, "EXTENSION", "Venter på børnepsykiatrisk udtalelse.", newDate);
    assertThat(asked.status()).as(String.valueOf(asked.body())).isEqualTo(201);
    assertThat(asked.body().path("state").asText()).isEqualTo("REQUESTED");
    assertThat(asked.body().path("requestedBy").asText()).isEqualTo("karen");
    long changeId = asked.body().path("id").asLong();
    Instant newDue = legal.atZone(CPH).plusDays(30).toInstant();
    assertThat(at(asked.body(), "newDueAt")).isEqualTo(newDue);

    // nothing moves until the team leader approves
    JsonNode waiting = deadline("karen", caseNumber, "INVESTIGATION");
    assertThat(at(waiting.path("deadline"), "dueAt")).isEqualTo(legal);
    assertThat(waiting.path("changes")).hasSize(1);
    engineAt(executionId, legal);
    // a second request while one waits is a conflict
    Response second = ask("lars", caseNumber, id, "PAUSE", "Også i bero.", null);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().path("errors").has("deadline")).isTrue();
    // the team leader sees it among the requests waiting
    Response requests = getJson("birgitte", "/api/oversight/deadline-requests");
    assertThat(requests.status()).isEqualTo(200);
    assertThat(requests.body().findValuesAsText("id")).contains(String.valueOf(changeId));

    Response approved = decide("birgitte", caseNumber, id, changeId, true, "Godkendt: udtalelsen er bestilt.");
    assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
    assertThat(approved.body().path("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.body().path("decidedBy").asText()).isEqualTo("birgitte");

    JsonNode after = deadline("hanne", caseNumber, "INVESTIGATION");
    assertThat(at(after.path("deadline"), "legalDueAt")).as("the legal due time stays").isEqualTo(legal);
    assertThat(at(after.path("deadline"), "dueAt")).isEqualTo(newDue);
    assertThat(at(after.path("deadline"), "atRiskFrom")).isEqualTo(newDue.minus(Duration.ofDays(14)));
    JsonNode change = after.path("changes").get(0);
    assertThat(change.path("type").asText()).isEqualTo("EXTENSION");
    assertThat(change.path("state").asText()).isEqualTo("APPROVED");
    assertThat(change.path("reason").asText()).isEqualTo("Venter på børnepsykiatrisk udtalelse.");
    assertThat(at(change, "oldDueAt")).isEqualTo(legal);
    assertThat(at(change, "newDueAt")).isEqualTo(newDue);
    assertThat(change.path("decisionNote").asText()).isEqualTo("Godkendt: udtalelsen er bestilt.");
    engineAt(executionId, newDue);
    assertThat(writesOnCase(caseNumber)).contains(
        "karen deadlines: extension of deadline " + id,
        "birgitte deadlines: approval of change " + changeId + " of deadline " + id);
    assertThat(audit.ofCase(cases.get(caseNumber).id())).extracting(v -> v.username() + " " + v.what())
        .contains("hanne api: deadlines");

    // past the legal due time the timer does not fire: it waits for the new due time
    moveClockTo(legal.plus(Duration.ofDays(2)));
    assertThat(management.createJobQuery().executionId(executionId).timers().executable().list())
        .as("the deadline's timer is not due").noneMatch(j -> j.getDuedate().toInstant().equals(newDue));
    assertThat(newDue).isAfter(now());
    assertThat(deadline("karen", caseNumber, "INVESTIGATION").path("deadline").path("state").asText())
        .isEqualTo("OPEN");
    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Udtalelsen er modtaget.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);
    assertThat(deadline("karen", caseNumber, "INVESTIGATION").path("deadline").path("state").asText())
        .isEqualTo("MET");
    countedAsMetWithinExtension(newDue);
  }

  @Test
  @DisplayName("the team leader's pause stops the clock (PAUSED, timer suspended, never overdue); a caseworker's "
      + "resume moves the due time on by the whole days paused, and the timer and task with it")
  void pauseAndResume() throws Exception {
    String caseNumber = caseWithInvestigation(this);
    JsonNode before = deadline("karen", caseNumber, "INVESTIGATION").path("deadline");
    long id = before.path("id").asLong();
    String executionId = before.path("executionId").asText();
    Instant legal = at(before, "legalDueAt");

    moveClockTo(now().plus(Duration.ofDays(10)));
    Instant pausedAt = now();
    Response paused = ask("birgitte", caseNumber, id, "PAUSE", "Afventer politiets afhøring.", null);
    assertThat(paused.status()).as(String.valueOf(paused.body())).isEqualTo(201);
    assertThat(paused.body().path("state").asText()).isEqualTo("APPROVED");
    assertThat(paused.body().path("newDueAt").isNull()).isTrue();
    JsonNode whilePaused = deadline("karen", caseNumber, "INVESTIGATION").path("deadline");
    assertThat(whilePaused.path("state").asText()).isEqualTo("PAUSED");
    assertThat(at(whilePaused, "pausedAt")).isEqualTo(pausedAt);
    assertThat(management.createJobQuery().executionId(executionId).timers().list()).as("the deadline's timer")
        .filteredOn(j -> j.getDuedate().toInstant().equals(at(before, "dueAt"))).hasSize(1)
        .extracting(Job::isSuspended).containsOnly(true);
    // an extension of a paused deadline is a conflict
    assertThat(ask("birgitte", caseNumber, id, "EXTENSION", "Længere.", legal.atZone(CPH).toLocalDate()
        .plusDays(60)).status()).isEqualTo(409);

    // past its due time it is neither overdue nor at risk, and is not in the team leader's overdue list
    moveClockTo(legal.plus(Duration.ofDays(3)));
    assertThat(deadline("karen", caseNumber, "INVESTIGATION").path("deadline").path("state").asText())
        .isEqualTo("PAUSED");
    Response overdue = getJson("birgitte", "/api/oversight/deadlines?size=200");
    assertThat(overdue.body().path("content").findValuesAsText("id")).doesNotContain(String.valueOf(id));

    // resumed 120 days and 3 hours after the pause began: 121 whole days (a day-counted deadline keeps its time)
    Instant resumedAt = pausedAt.plus(Duration.ofDays(120)).plus(Duration.ofHours(3));
    moveClockTo(resumedAt);
    long days = Duration.between(pausedAt, resumedAt).toDays() + 1;
    Instant newDue = legal.atZone(CPH).plusDays(days).toInstant();
    Response resumed = postJson("karen", "/api/cases/" + caseNumber + "/deadlines/" + id + "/resume",
        Map.of("reason", "Afhøringen er holdt."));
    assertThat(resumed.status()).as(String.valueOf(resumed.body())).isEqualTo(201);
    assertThat(resumed.body().path("type").asText()).isEqualTo("RESUME");
    assertThat(at(resumed.body(), "oldDueAt")).isEqualTo(legal);
    assertThat(at(resumed.body(), "newDueAt")).isEqualTo(newDue);
    JsonNode after = deadline("karen", caseNumber, "INVESTIGATION");
    assertThat(at(after.path("deadline"), "legalDueAt")).isEqualTo(legal);
    assertThat(at(after.path("deadline"), "dueAt")).isEqualTo(newDue);
    assertThat(after.path("deadline").path("pausedAt").isNull()).isTrue();
    assertThat(after.path("changes")).extracting(c -> c.path("type").asText() + " " + c.path("state").asText())
        .containsExactly("PAUSE APPROVED", "RESUME APPROVED");
    engineAt(executionId, newDue);
    assertThat(writesOnCase(caseNumber)).contains("birgitte deadlines: pause of deadline " + id,
        "karen deadlines: resume of deadline " + id);
    // a second resume is a conflict
    assertThat(postJson("karen", "/api/cases/" + caseNumber + "/deadlines/" + id + "/resume", Map.of()).status())
        .isEqualTo(409);

    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Afhøringen er læst.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);
    countedAsMetWithinExtension(newDue);
  }

  @Test
  @DisplayName("refusals name their field and change nothing: no type, no reason, a reason too long, a date not after "
      + "the due date, a met deadline, another team, intake, a head, a caseworker deciding, a decided request")
  void refusals() throws Exception {
    String caseNumber = caseWithInvestigation(this);
    JsonNode before = deadline("karen", caseNumber, "INVESTIGATION").path("deadline");
    long id = before.path("id").asLong();
    Instant legal = at(before, "legalDueAt");
    LocalDate dueDate = legal.atZone(CPH).toLocalDate();

    Response empty = postJson("karen", "/api/cases/" + caseNumber + "/deadlines/" + id + "/extensions", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().path("errors").has("type")).isTrue();
    assertThat(empty.body().path("errors").has("reason")).isTrue();
    Response noDate = ask("karen", caseNumber, id, "EXTENSION", "Grund.", null);
    assertThat(noDate.status()).isEqualTo(400);
    assertThat(noDate.body().path("errors").has("newDueDate")).isTrue();
    Response notAfter = ask("karen", caseNumber, id, "EXTENSION", "x".repeat(2001), dueDate);
    assertThat(notAfter.status()).isEqualTo(400);
    assertThat(notAfter.body().path("errors").has("newDueDate")).isTrue();
    assertThat(notAfter.body().path("errors").has("reason")).isTrue();
    Response unknown = ask("karen", caseNumber, id, "FOREVER", "Grund.", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("errors").has("type")).isTrue();

    // the acute assessment is met: it cannot be changed
    long acute = deadline("karen", caseNumber, "ACUTE_ASSESSMENT").path("deadline").path("id").asLong();
    Response met = ask("karen", caseNumber, acute, "EXTENSION", "Grund.", dueDate.plusDays(1));
    assertThat(met.status()).isEqualTo(409);
    assertThat(met.body().path("errors").has("deadline")).isTrue();

    // who may not: another team and intake get "not found", a head and a caseworker deciding are refused by role
    assertThat(ask("sofie", caseNumber, id, "PAUSE", "Grund.", null).status()).isEqualTo(404);
    assertThat(ask("ida", caseNumber, id, "PAUSE", "Grund.", null).status()).isEqualTo(404);
    assertThat(ask("hanne", caseNumber, id, "PAUSE", "Grund.", null).status()).isEqualTo(403);
    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/deadlines").status()).isEqualTo(404);
    assertThat(getJson("ida", "/api/cases/" + caseNumber + "/deadlines").status()).isEqualTo(404);
    assertThat(getJson("admin", "/api/cases/" + caseNumber + "/deadlines").status()).isEqualTo(403);
    long changeId = ask("karen", caseNumber, id, "PAUSE", "Grund.", null).body().path("id").asLong();
    assertThat(decide("karen", caseNumber, id, changeId, true, null).status()).isEqualTo(403);
    // a refusal needs a note
    Response noNote = decide("birgitte", caseNumber, id, changeId, false, " ");
    assertThat(noNote.status()).isEqualTo(400);
    assertThat(noNote.body().path("errors").has("note")).isTrue();
    // a deadline of another case is not found
    long otherCase = deadline("karen", caseWithInvestigation(this), "INVESTIGATION").path("deadline").path("id")
        .asLong();
    assertThat(ask("karen", caseNumber, otherCase, "PAUSE", "Grund.", null).status()).isEqualTo(404);

    JsonNode still = deadline("karen", caseNumber, "INVESTIGATION");
    assertThat(at(still.path("deadline"), "dueAt")).isEqualTo(legal);
    assertThat(still.path("deadline").path("state").asText()).isEqualTo("OPEN");
    assertThat(still.path("changes")).extracting(c -> c.path("state").asText()).containsExactly("REQUESTED");
    engineAt(before.path("executionId").asText(), legal);

    Response refused = decide("birgitte", caseNumber, id, changeId, false, "Ikke nødvendigt.");
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body().path("state").asText()).isEqualTo("REFUSED");
    Response again = decide("birgitte", caseNumber, id, changeId, true, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("errors").has("changeId")).isTrue();
    assertThat(deadline("karen", caseNumber, "INVESTIGATION").path("deadline").path("state").asText())
        .isEqualTo("OPEN");
    engineAt(before.path("executionId").asText(), legal);
    assertThat(writesOnCase(caseNumber)).contains(
        "birgitte deadlines: refusal of change " + changeId + " of deadline " + id);
  }

  @Test
  @DisplayName("two decisions on one request at once: one is made (200) and the other refused (409), and the register "
      + "and the timer agree with the one made")
  void racingDecisions() throws Exception {
    String caseNumber = caseWithInvestigation(this);
    JsonNode before = deadline("karen", caseNumber, "INVESTIGATION").path("deadline");
    long id = before.path("id").asLong();
    Instant legal = at(before, "legalDueAt");
    LocalDate newDate = legal.atZone(CPH).toLocalDate().plusDays(20);
    long changeId = ask("karen", caseNumber, id, "EXTENSION", "Venter.", newDate).body().path("id").asLong();

    List<Response> answers = atOnce(pool, List.of(
        () -> decide("birgitte", caseNumber, id, changeId, true, null),
        () -> decide("birgitte", caseNumber, id, changeId, false, "Nej.")));
    assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
    Response won = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    JsonNode after = deadline("karen", caseNumber, "INVESTIGATION");
    Instant expected = "APPROVED".equals(won.body().path("state").asText())
        ? legal.atZone(CPH).plusDays(20).toInstant() : legal;
    assertThat(after.path("changes").get(0).path("state").asText()).isEqualTo(won.body().path("state").asText());
    assertThat(at(after.path("deadline"), "dueAt")).isEqualTo(expected);
    engineAt(before.path("executionId").asText(), expected);
  }
}
