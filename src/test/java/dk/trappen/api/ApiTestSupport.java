package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dk.trappen.org.OrgService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Shared plumbing of the API tests: signed-in requests, JSON, the engine clock and the jobs. */
abstract class ApiTestSupport {

  @Autowired
  protected MockMvc mvc;
  @Autowired
  protected ObjectMapper json;
  @Autowired
  protected ManagementService management;
  @Autowired
  private OrgService org;
  @Autowired
  private PasswordEncoder encoder;

  /** Each test starts on a fixed, known instant: Tuesday 2 March 2027, 09:00 in Copenhagen. */
  protected static final Instant START = Instant.parse("2027-03-02T08:00:00Z");

  @BeforeEach
  void staffAndClock() {
    TestStaff.ensure(org, encoder);
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  protected void moveClockTo(Instant t) {
    ClockUtil.setCurrentTime(Date.from(t));
  }

  /** Runs every timer and async job that is due now; returns how many ran. */
  protected int fireDueJobs() {
    int fired = 0;
    for (int round = 0; round < 10; round++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        fired++;
      }
    }
    return fired;
  }

  protected Response call(String user, MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request.with(httpBasic(user, TestStaff.PASSWORD))).andReturn();
    String body = result.getResponse().getContentAsString();
    return new Response(result.getResponse().getStatus(), body.isEmpty() ? null : json.readTree(body));
  }

  protected Response getJson(String user, String url) throws Exception {
    return call(user, get(url));
  }

  protected Response postJson(String user, String url, Object body) throws Exception {
    return call(user, post(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  protected Response postJson(String user, String url, Object body, Map<String, String> headers) throws Exception {
    MockHttpServletRequestBuilder request = post(url).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body));
    headers.forEach(request::header);
    return call(user, request);
  }

  /** The user's whole task list, read page by page (200 to a page, the most the API gives). */
  protected ArrayNode allTasks(String user) throws Exception {
    ArrayNode all = json.createArrayNode();
    for (int page = 0; ; page++) {
      Response tasks = getJson(user, "/api/tasks?size=200&page=" + page);
      assertThat(tasks.status()).isEqualTo(200);
      tasks.body().path("content").forEach(all::add);
      if (page + 1 >= tasks.body().path("page").path("totalPages").asInt()) {
        assertThat(all.size()).as("tasks read over all pages")
            .isEqualTo(tasks.body().path("page").path("totalElements").asInt());
        return all;
      }
    }
  }

  /** The id of the user's open task of that kind on the case. */
  protected String taskId(String user, String caseNumber, String kind) throws Exception {
    ArrayNode tasks = allTasks(user);
    for (JsonNode t : tasks) {
      if (caseNumber.equals(t.path("caseNumber").asText()) && kind.equals(t.path("kind").asText())) {
        return t.path("id").asText();
      }
    }
    throw new AssertionError(user + " has no " + kind + " task on " + caseNumber + ": " + tasks);
  }

  protected Response complete(String user, String caseNumber, String kind, Object payload) throws Exception {
    return postJson(user, "/api/tasks/" + taskId(user, caseNumber, kind) + "/complete", payload);
  }

  /** Runs the calls on the pool, released together (a race), and returns their answers in the order given. */
  /**
   * Through the API: a school's notification about a child (CPR {@code cpr}, born {@code born}) for team nord, received
   * now, whose acute assessment sends it to investigation; returns the case number.
   */
  protected String caseToInvestigate(String cpr, LocalDate born) throws Exception {
    Response created = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Alma", "lastName", "Friis", "birthDate", born.toString()),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Vestre Skole", "concern", "Meget fravær.",
        "receivedAt", now().toString(), "team", "nord"));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();
    assertThat(complete("ida", caseNumber, "acute-assessment",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    return caseNumber;
  }

  /**
   * Through the API: a school's notification about a child (CPR {@code cpr}, born {@code born}) for team nord,
   * investigated, and an intervention on step PREVENTIVE chosen, planned to end {@code plannedEnd} with
   * {@code nextStepDown} after it; returns the case number.
   */
  protected String caseWithRunningIntervention(String cpr, LocalDate born, LocalDate plannedEnd, String nextStepDown)
      throws Exception {
    String caseNumber = caseToInvestigate(cpr, born);
    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);
    assertThat(complete("karen", caseNumber, "choose-step", Map.of(
        "stepKey", "PREVENTIVE", "description", "Familierådgivning.", "plannedEnd", plannedEnd.toString(),
        "nextStepDownKey", nextStepDown, "childNotHeardReason", "Barnet er for lille til en samtale."))
        .status()).isEqualTo(204);
    return caseNumber;
  }

  static List<Response> atOnce(ExecutorService pool, List<Callable<Response>> calls) throws Exception {
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (Callable<Response> call : calls) {
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return call.call();
      }));
    }
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    List<Response> answers = new ArrayList<>();
    for (Future<Response> f : futures) {
      answers.add(f.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  record Response(int status, JsonNode body) {
  }
}
