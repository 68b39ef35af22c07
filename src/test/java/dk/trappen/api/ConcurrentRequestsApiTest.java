package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.cases.CaseStatus;
import dk.trappen.intake.IntakeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests for the same thing at the same instant, from several clients at once (MockMvc from a thread pool, released
 * together by a latch): one result, every valid request answered, a 409 for each loser and never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Concurrent requests for the same thing over the API")
class ConcurrentRequestsApiTest extends ApiTestSupport {

  private static final int ROUNDS = 20;
  private static final int CLIENTS = 8;

  @Autowired
  private CaseService cases;
  @Autowired
  private IntakeService intake;
  @Autowired
  private HistoryService history;
  @Autowired
  private TaskService engineTasks;

  private ExecutorService pool;

  @BeforeAll
  void startPool() {
    pool = Executors.newFixedThreadPool(CLIENTS);
  }

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  @DisplayName("eight notifications about one child at once give one open case, all eight joined to it and answered 2xx")
  void concurrentNotificationsForOneChild() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      // a new child each round (born 2013, the 7th digit 4 says 2000s)
      String cpr = String.format("%02d0613%s%02d", round + 1, "48", round);
      List<Callable<Response>> clients = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        Map<String, Object> n = notification(cpr, String.format("2013-06-%02d", round + 1),
            "Bekymring " + round + "/" + client);
        String key = "race-" + round + "-" + client + "-" + cpr;
        clients.add(() -> postJson("ida", "/api/notifications", n, Map.of("Idempotency-Key", key)));
      }
      List<Response> answers = atOnce(pool, clients);
      answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));

      assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201));
      List<CaseRef> open = cases.casesOfChild(cpr).stream().filter(c -> c.status() == CaseStatus.OPEN).toList();
      assertThat(open).as("open cases of the child in round " + round).hasSize(1);
      assertThat(answers).allSatisfy(a -> assertThat(a.body().path("caseNumber").asText())
          .isEqualTo(open.get(0).caseNumber()));
      assertThat(answers.stream().filter(a -> !a.body().path("joinedOpenCase").asBoolean())).hasSize(1);
      assertThat(intake.notifications(open.get(0).id())).hasSize(CLIENTS);
    }
    System.out.println("[races] " + ROUNDS + " rounds x " + CLIENTS + " notifications about one child at once: "
        + "answers by status " + statuses + ", one open case per child in every round");
  }

  @Test
  @DisplayName("two caseworkers completing one task at once: one 204, one 409 naming the task, the process moved once")
  void concurrentCompletionsOfOneTask() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> conflicts = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String caseNumber = caseAtInvestigation(round, "71");
      String taskId = taskId("karen", caseNumber, "investigation");
      List<Response> answers = atOnce(pool, List.of(
          () -> postJson("karen", "/api/tasks/" + taskId + "/complete", investigation("Karen")),
          () -> postJson("lars", "/api/tasks/" + taskId + "/complete", investigation("Lars"))));
      answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
      conflicts(answers).forEach(c -> conflicts.merge(c, 1, Integer::sum));

      assertThat(answers.stream().map(Response::status).sorted().toList())
          .as(answers.toString()).containsExactly(204, 409);
      assertConflictNamesTheTask(answers);
      // the process moved once: one finished investigation, one choose-step task after it
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
          .taskDefinitionKey("Task_Investigation").finished().count()).isEqualTo(1);
      assertThat(engineTasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .filter(t -> t.getTaskDefinitionKey().equals("Task_Investigation"))).isEmpty();
      // the winner did the investigation, so the case and its next task are theirs: in their list and not the other's
      String winner = answers.get(0).status() == 204 ? "karen" : "lars";
      String loser = winner.equals("karen") ? "lars" : "karen";
      assertThat(allTasks(winner).findValues("caseNumber").stream().filter(n -> n.asText().equals(caseNumber))
          .count()).as("open tasks of the case after the investigation").isEqualTo(1);
      assertThat(allTasks(loser).findValues("caseNumber").stream().filter(n -> n.asText().equals(caseNumber))
          .count()).as("the winner's, not the team's to pick up").isZero();
      assertThat(taskId(winner, caseNumber, "choose-step")).isNotBlank();
    }
    System.out.println("[races] " + ROUNDS + " rounds of two completions of one task at once: answers by status "
        + statuses + ", conflicts by what they said " + conflicts);
  }

  @Test
  @DisplayName("two caseworkers claiming one task at once: one 200, one 409 naming the task, the winner holds it")
  void concurrentClaimsOfOneTask() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> conflicts = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String caseNumber = caseAtInvestigation(round, "72");
      String taskId = taskId("karen", caseNumber, "investigation");
      List<Response> answers = atOnce(pool, List.of(
          () -> claim("karen", taskId),
          () -> claim("lars", taskId)));
      answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
      conflicts(answers).forEach(c -> conflicts.merge(c, 1, Integer::sum));

      assertThat(answers.stream().map(Response::status).sorted().toList())
          .as(answers.toString()).containsExactly(200, 409);
      assertConflictNamesTheTask(answers);
      String winner = answers.get(0).status() == 200 ? "karen" : "lars";
      assertThat(engineTasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
    }
    System.out.println("[races] " + ROUNDS + " rounds of two claims of one task at once: answers by status "
        + statuses + ", conflicts by what they said " + conflicts);
  }

  @Test
  @DisplayName("four concerns raised on one case at once are all stored (2xx), each with its own meeting task")
  void concurrentConcernsOnOneCase() throws Exception {
    int rounds = 5;
    int clients = 4;
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int round = 0; round < rounds; round++) {
      String caseNumber = caseWithRunningIntervention(round);
      List<Callable<Response>> calls = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        Map<String, Object> concern = Map.of("raisedBy", "SCHOOL", "description", "Ny bekymring " + client);
        calls.add(() -> postJson("karen", "/api/cases/" + caseNumber + "/concerns", concern));
      }
      List<Response> answers = atOnce(pool, calls);
      answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));

      assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201));
      assertThat(engineTasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
          .taskDefinitionKey("Task_RespondToConcern").count()).isEqualTo(clients);
    }
    System.out.println("[races] " + rounds + " rounds x " + clients + " concerns on one case at once: answers by "
        + "status " + statuses);
  }

  /** A new case of team nord with a running intervention on step PREVENTIVE (it can receive concerns). */
  private String caseWithRunningIntervention(int round) throws Exception {
    String caseNumber = caseAtInvestigation(round, "73");
    assertThat(complete("karen", caseNumber, "investigation", investigation("Karen")).status()).isEqualTo(204);
    assertThat(complete("karen", caseNumber, "choose-step", Map.of("stepKey", "PREVENTIVE",
        "description", "Familierådgivning hver 14. dag.", "plannedEnd", "2027-12-31",
        "nextStepDownKey", "EARLY_HELP", "childNotHeardReason", "Barnet er for lille til en samtale.")).status()).isEqualTo(204);
    fireDueJobs();
    return caseNumber;
  }

  /** What each 409 said about the task, without the name of who claimed it. */
  private static List<String> conflicts(List<Response> answers) {
    return answers.stream().filter(a -> a.status() == 409)
        .map(a -> a.body().path("errors").path("task").asText().replaceAll(" by \\w+$", " by <other>")).toList();
  }

  private static void assertConflictNamesTheTask(List<Response> answers) {
    Response conflict = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(conflict.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/conflict");
    assertThat(conflict.body().path("errors").has("task")).as(conflict.body().toString()).isTrue();
  }

  /** A new case of team nord whose acute assessment said "investigate": its investigation task is open. */
  private String caseAtInvestigation(int round, String serial) throws Exception {
    String cpr = String.format("%02d0713%s%02d", round + 1, serial, round);
    Response opened = postJson("ida", "/api/notifications", notification(cpr, String.format("2013-07-%02d",
        round + 1), "Bekymring " + serial + "/" + round));
    assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
    String caseNumber = opened.body().path("caseNumber").asText();
    assertThat(complete("ida", caseNumber, "acute-assessment",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    return caseNumber;
  }

  private Response claim(String user, String taskId) throws Exception {
    return call(user, post("/api/tasks/" + taskId + "/claim").contentType(MediaType.APPLICATION_JSON));
  }

  private static Map<String, Object> investigation(String by) {
    return Map.of("findings", "Familien mangler struktur (" + by + ").", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION");
  }

  private Map<String, Object> notification(String cpr, String birth, String concern) {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", cpr, "firstName", "Maja", "lastName", "Berg", "birthDate", birth));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", concern);
    n.put("receivedAt", now().minus(Duration.ofHours(1)).toString());
    n.put("team", "nord");
    return n;
  }
}
