package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reassignment API ({@code POST /api/reassignments/tasks} and {@code /cases}): the same service and policy as the
 * oversight page's forms. A team leader moves the team's work to its caseworkers; another team's work is not found
 * and the refusal recorded; the policy's problems come all at once as codes; a race is a 409.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("A team leader reassigns tasks and cases over the API")
class ReassignmentApiTest extends ApiTestSupport {

  private static final String TASKS = "/api/reassignments/tasks";
  private static final String CASES = "/api/reassignments/cases";

  @Autowired
  private AuditService audit;
  @Autowired
  private CaseService cases;
  @Autowired
  private TaskService engineTasks;
  @Autowired
  private PlatformTransactionManager transactionManager;
  @Autowired
  private JdbcTemplate jdbc;

  @Test
  @DisplayName("the leader gives a case to lars (karen's open task moves with it) and the task back to karen: both "
      + "answered 200, the new holders see them, and each move is audited")
  void leaderReassignsTaskAndCaseOfTheTeam() throws Exception {
    String caseNumber = caseAtInvestigation("nord", "0101144601", "2014-01-01");
    String investigation = claimedInvestigation("karen", caseNumber);
    long caseId = cases.get(caseNumber).id();
    assertThat(cases.get(caseNumber).caseworker()).isEqualTo("karen");

    Response byCase = postJson("birgitte", CASES, Map.of("caseNumbers", List.of(caseNumber), "caseworker", "lars"));
    assertThat(byCase.status()).as(String.valueOf(byCase.body())).isEqualTo(200);
    assertThat(byCase.body().path("moved").get(0).asText()).isEqualTo(caseNumber);
    assertThat(byCase.body().path("holder").asText()).isEqualTo("lars");
    assertThat(byCase.body().path("tasksMoved").asInt()).isEqualTo(1);
    assertThat(getJson("lars", "/api/cases/" + caseNumber).body().path("caseworker").asText()).isEqualTo("lars");
    assertThat(getJson("lars", "/api/tasks/" + investigation).body().path("assignee").asText()).isEqualTo("lars");

    Response byTask = postJson("birgitte", TASKS, Map.of("taskIds", List.of(investigation), "assignee", "karen"));
    assertThat(byTask.status()).as(String.valueOf(byTask.body())).isEqualTo(200);
    assertThat(byTask.body().path("moved").get(0).asText()).isEqualTo(investigation);
    assertThat(getJson("karen", "/api/tasks/" + investigation).body().path("assignee").asText()).isEqualTo("karen");
    assertThat(getJson("karen", "/api/tasks?size=200").body().path("content").findValuesAsText("id"))
        .contains(investigation);

    assertThat(audit.ofCase(caseId)).filteredOn(v -> v.action() == AuditAction.WRITE)
        .extracting(v -> v.username() + " " + v.what())
        .contains("birgitte reassign case to lars", "birgitte reassign task: investigation to karen");
  }

  @Test
  @DisplayName("another team's task or case is a 404 that changes nothing and leaves a refusal on the case; a "
      + "request with one own and one foreign task moves neither")
  void anotherTeamsWorkIsNotFound() throws Exception {
    String syd = caseAtInvestigation("syd", "0202144612", "2014-02-02");
    String sydTask = claimedInvestigation("sofie", syd);
    String nord = caseAtInvestigation("nord", "0303144623", "2014-03-03");
    String nordTask = claimedInvestigation("karen", nord);
    long sydId = cases.get(syd).id();
    long writes = audit.count(AuditAction.WRITE);

    Response byTask = postJson("birgitte", TASKS, Map.of("taskIds", List.of(sydTask), "assignee", "lars"));
    Response byCase = postJson("birgitte", CASES, Map.of("caseNumbers", List.of(syd), "caseworker", "lars"));
    Response mixed = postJson("birgitte", TASKS, Map.of("taskIds", List.of(nordTask, sydTask), "assignee", "lars"));
    assertThat(List.of(byTask.status(), byCase.status(), mixed.status())).containsOnly(404);
    assertThat(byTask.body().toString()).doesNotContain(syd).doesNotContain("sofie");

    assertThat(getJson("sofie", "/api/tasks/" + sydTask).body().path("assignee").asText()).isEqualTo("sofie");
    assertThat(getJson("sofie", "/api/cases/" + syd).body().path("caseworker").asText()).isEqualTo("sofie");
    assertThat(getJson("karen", "/api/tasks/" + nordTask).body().path("assignee").asText())
        .as("the own task of the refused request").isEqualTo("karen");
    assertThat(audit.count(AuditAction.WRITE)).as("no write recorded").isEqualTo(writes);
    assertThat(audit.ofCase(sydId)).filteredOn(v -> v.action() == AuditAction.REFUSED)
        .extracting(v -> v.username() + " " + v.what() + " " + v.reason())
        .containsExactlyInAnyOrder("birgitte reassign task: investigation other-team",
            "birgitte reassign case other-team", "birgitte reassign task: investigation other-team");
  }

  @Test
  @DisplayName("a caseworker, and an intake worker, are refused with 403 and nothing moves")
  void onlyTeamLeaders() throws Exception {
    String caseNumber = caseAtInvestigation("nord", "0404144634", "2014-04-04");
    String task = claimedInvestigation("karen", caseNumber);

    assertThat(postJson("karen", TASKS, Map.of("taskIds", List.of(task), "assignee", "lars")).status())
        .isEqualTo(403);
    assertThat(postJson("karen", CASES, Map.of("caseNumbers", List.of(caseNumber), "caseworker", "lars")).status())
        .isEqualTo(403);
    assertThat(postJson("ida", TASKS, Map.of("taskIds", List.of(task), "assignee", "lars")).status())
        .isEqualTo(403);
    assertThat(getJson("karen", "/api/tasks/" + task).body().path("assignee").asText()).isEqualTo("karen");
    assertThat(cases.get(caseNumber).caseworker()).isEqualTo("karen");
  }

  @Test
  @DisplayName("someone who is not a caseworker of the team is a 400 naming the field with its code, every problem "
      + "at once, and nothing moves")
  void notACaseworkerOfTheTeam() throws Exception {
    String caseNumber = caseAtInvestigation("nord", "0505144645", "2014-05-05");
    String task = claimedInvestigation("karen", caseNumber);

    Response byTask = postJson("birgitte", TASKS, Map.of("taskIds", List.of(task), "assignee", "sofie"));
    assertThat(byTask.status()).isEqualTo(400);
    assertThat(problems(byTask)).containsExactly("assignee problem.tasks.notCaseworkerOfTeam [sofie, nord]");
    assertThat(byTask.body().path("errors").path("assignee").asText())
        .isEqualTo("'sofie' is not a caseworker of team nord");

    Response leader = postJson("birgitte", CASES, Map.of("caseNumbers", List.of(), "caseworker", "birgitte"));
    assertThat(leader.status()).isEqualTo(400);
    assertThat(problems(leader)).containsExactlyInAnyOrder("caseNumbers problem.reassignment.noCases []",
        "caseworker problem.tasks.notCaseworkerOfTeam [birgitte, nord]");

    Response none = postJson("birgitte", CASES, Map.of("caseNumbers", List.of(caseNumber)));
    assertThat(problems(none)).containsExactly("caseworker problem.reassignment.noCaseworker []");

    assertThat(getJson("karen", "/api/tasks/" + task).body().path("assignee").asText()).isEqualTo("karen");
    assertThat(cases.get(caseNumber).caseworker()).isEqualTo("karen");
  }

  @Test
  @DisplayName("two reassignments of one task at the same instant (the leader in two tabs): every round one 200 and "
      + "at most one other 200 or a 409 naming the task, never a 500, and the task held by a winner")
  void racingReassignments() throws Exception {
    raceRounds("two reassignments of one task", 6, "46", (task, pool) -> {
      List<Response> answers = atOnce(pool, List.of(
          () -> postJson("birgitte", TASKS, Map.of("taskIds", List.of(task), "assignee", "lars")),
          () -> postJson("birgitte", TASKS, Map.of("taskIds", List.of(task)))));
      List<Integer> codes = answers.stream().map(Response::status).sorted().toList();

      assertThat(codes).as(answers.toString()).isIn(List.of(200, 409), List.of(200, 200));
      answers.stream().filter(a -> a.status() == 409).forEach(a -> {
        assertThat(a.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/conflict");
        assertThat(a.body().path("errors").has("task")).as(a.body().toString()).isTrue();
      });
      String holder = text(getJson("karen", "/api/tasks/" + task).body().path("assignee"));
      List<String> winners = answers.stream().filter(a -> a.status() == 200)
          .map(a -> text(a.body().path("holder"))).toList();
      assertThat(winners).contains(holder);
      return codes.toString();
    });
  }

  @Test
  @DisplayName("karen completing her task while the leader gives it to lars, 10 rounds: never both; one 2xx and one "
      + "409 naming the task, and the task completed only if the completion won")
  void completionRacingAReassignment() throws Exception {
    raceRounds("a completion and a reassignment of one task", 7, "47", (task, pool) -> {
      List<Response> answers = atOnce(pool, List.of(
          () -> postJson("karen", "/api/tasks/" + task + "/complete", Map.of("findings", "Familien mangler struktur.",
              "youthPerspective", "Jeg vil bo hjemme.", "riskLevel", "MODERATE", "safeAtHome", true,
              "kinOrNetworkPossible", false, "youthWish", "STAY_HOME", "outcome", "INTERVENTION")),
          () -> postJson("birgitte", TASKS, Map.of("taskIds", List.of(task), "assignee", "lars"))));
      int completion = answers.get(0).status();
      int reassignment = answers.get(1).status();

      assertThat(List.of(completion, reassignment)).as(answers.toString()).isIn(List.of(204, 409), List.of(409, 200));
      answers.stream().filter(a -> a.status() == 409).forEach(a ->
          assertThat(a.body().path("errors").has("task")).as(a.body().toString()).isTrue());
      boolean stillOpen = engineTasks.createTaskQuery().taskId(task).count() == 1;
      assertThat(stillOpen).as("the task is open exactly when the reassignment won").isEqualTo(reassignment == 200);
      return "complete " + completion + ", reassign " + reassignment;
    });
  }

  /** One round of a race on the investigation task karen holds; returns what the round's answers were. */
  private interface Round {
    String run(String task, ExecutorService pool) throws Exception;
  }

  /**
   * Ten rounds of {@code round}, each on a case of its own (a child born in {@code month} of 2014, CPR serial starting
   * {@code serial}), and what the rounds answered, counted.
   */
  private void raceRounds(String what, int month, String serial, Round round) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Integer> outcomes = new TreeMap<>();
    try {
      for (int n = 0; n < 10; n++) {
        String cpr = String.format("%02d%02d14%s%02d", n + 1, month, serial, n);
        String caseNumber = caseAtInvestigation("nord", cpr, String.format("2014-%02d-%02d", month, n + 1));
        outcomes.merge(round.run(claimedInvestigation("karen", caseNumber), pool), 1, Integer::sum);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("[races] 10 rounds of " + what + " at once: " + outcomes);
  }

  @Test
  @DisplayName("a reassignment that meets another leader's move of the task, stored but not yet committed, waits for "
      + "it and is answered 409 naming the task; the first move stands and nothing of the second is stored")
  void reassignmentLosesToAConcurrentMove() throws Exception {
    String caseNumber = caseAtInvestigation("nord", "0909144656", "2014-09-09");
    String task = claimedInvestigation("karen", caseNumber);
    long writes = audit.count(AuditAction.WRITE);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      AtomicReference<Future<Response>> second = new AtomicReference<>();
      new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
        // the first leader's move: written, so the task's row is locked until this transaction commits
        engineTasks.setAssignee(task, "lars");
        // the second: back to the team's group, a change of the row the first holds
        second.set(pool.submit(() -> postJson("birgitte", TASKS, Map.of("taskIds", List.of(task)))));
        awaitAWaitingWrite();
      });
      Response loser = second.get().get(60, TimeUnit.SECONDS);
      assertThat(loser.status()).as(String.valueOf(loser.body())).isEqualTo(409);
      assertThat(loser.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/conflict");
      assertThat(loser.body().path("problems").get(0).path("field").asText()).isEqualTo("task");
      assertThat(loser.body().path("problems").get(0).path("code").asText()).isEqualTo("problem.task.claimed");
    } finally {
      pool.shutdownNow();
    }
    assertThat(getJson("lars", "/api/tasks/" + task).body().path("assignee").asText()).isEqualTo("lars");
    assertThat(audit.count(AuditAction.WRITE)).as("no write recorded for the loser").isEqualTo(writes);
  }

  /** Waits until another session waits for a row lock (the reassignment's write of the locked task). */
  private void awaitAWaitingWrite() {
    String sql = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
        .toLowerCase(java.util.Locale.ROOT).contains("postgres")
        ? "select count(*) from pg_locks where not granted"
        : "select count(*) from information_schema.sessions where blocker_id is not null";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jdbc.queryForObject(sql, Long.class) == 0) {
      assertThat(System.nanoTime()).as("a reassignment waiting for the task's row").isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A value that may be null (back to the group) as text: "" for null. */
  private static String text(com.fasterxml.jackson.databind.JsonNode n) {
    return n.isNull() || n.isMissingNode() ? "" : n.asText();
  }

  private static List<String> problems(Response r) {
    List<String> out = new ArrayList<>();
    r.body().path("problems").forEach(p -> {
      List<String> args = new ArrayList<>();
      p.path("arguments").forEach(a -> args.add(a.asText()));
      out.add(p.path("field").asText() + " " + p.path("code").asText() + " " + args);
    });
    return out;
  }

  /** A new case of the team whose acute assessment said "investigate": its investigation task is open. */
  private String caseAtInvestigation(String team, String cpr, String birthDate) throws Exception {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", cpr, "firstName", "Asta", "lastName", "Holm", "birthDate", birthDate));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", "Bekymring.");
    n.put("receivedAt", now().minus(Duration.ofHours(1)).toString());
    n.put("team", team);
    Response created = postJson("ida", "/api/notifications", n);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();
    assertThat(complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE", "note", "Ja."))
        .status()).isEqualTo(204);
    return caseNumber;
  }

  /** The case's investigation task, claimed by the caseworker (who thereby becomes the case's caseworker). */
  private String claimedInvestigation(String caseworker, String caseNumber) throws Exception {
    String id = taskId(caseworker, caseNumber, "investigation");
    assertThat(call(caseworker, MockMvcRequestBuilders.post("/api/tasks/" + id + "/claim")
        .contentType(MediaType.APPLICATION_JSON)).status()).isEqualTo(200);
    return id;
  }
}
