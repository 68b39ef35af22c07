package dk.trappen.badinput;

import static dk.trappen.badinput.BadInputCorpus.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trappen.api.TestStaff;
import dk.trappen.badinput.BadInputCorpus.Entry;
import dk.trappen.badinput.BadInputCorpus.Outcome;
import dk.trappen.badinput.BadInputCorpus.Raw;
import dk.trappen.badinput.BadInputCorpus.Target;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Bad input (security): every entry of {@link BadInputCorpus} is sent to its endpoint or form. No entry gets a server
 * error; every refusal names the field (problem details' {@code errors} for the API, the field marked invalid on the
 * re-rendered form); a refusal stores nothing (domain rows, the engine's runtime rows, the task and its variables are
 * as before); and whatever is accepted comes back escaped on the case page, never as live markup.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Bad input")
class BadInputTest {

  /** Tuesday 2 March 2027, 09:00 in Copenhagen: fixtures are built from here. */
  private static final Instant START = Instant.parse("2027-03-02T08:00:00Z");
  /** Thursday 4 March 2027, 11:00 in Copenhagen: every corpus request is sent at this time. */
  private static final Instant NOW = Instant.parse("2027-03-04T10:00:00Z");
  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 100_000));
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static int corpusSize;
  /** Non-ASCII escaped, so that a lone surrogate reaches the server as the JSON escape it is. */
  private static final ObjectWriter ESCAPING = JSON.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

  private static final Map<String, String> TASK_KEY = Map.of("acute-assessment", "Task_AcuteAssessment",
      "investigation", "Task_Investigation", "choose-step", "Task_ChooseStep", "action-plan", "Task_WriteActionPlan",
      "network-meeting", "Task_HoldNetworkMeeting", "follow-up", "Task_FollowUp");

  @Autowired
  private MockMvc mvc;
  @Autowired
  private OrgService org;
  @Autowired
  private PasswordEncoder encoder;
  @Autowired
  private IntakeService intake;
  @Autowired
  private CaseTaskService tasks;
  @Autowired
  private TaskService engineTasks;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private JdbcTemplate jdbc;

  /** The open task of each kind that the corpus entries are sent to; replaced when an entry completes it. */
  private final Map<String, Fixture> fixtures = new HashMap<>();
  private String concernCase;
  private List<String> countedTables;

  private record Fixture(String caseNumber, String taskId, String user) {
  }

  private record Result(int status, String contentType, String body, String redirect, String error) {
  }

  @BeforeEach
  void staff() {
    TestStaff.ensure(org, encoder);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void summary() {
    System.out.println("[bad input] corpus entries: " + corpusSize + ", requests sent: " + REQUESTS.get());
  }

  @TestFactory
  @DisplayName("the corpus of hostile and broken inputs")
  Stream<DynamicNode> corpus() {
    List<Entry> entries = BadInputCorpus.build();
    corpusSize = entries.size();
    Map<String, List<DynamicNode>> byTarget = new LinkedHashMap<>();
    for (Entry e : entries) {
      String group = e.target().label + (e.kind() == null ? "" : " — " + e.kind());
      byTarget.computeIfAbsent(group, g -> new ArrayList<>())
          .add(DynamicTest.dynamicTest(e.displayName(), () -> run(e)));
    }
    List<DynamicNode> nodes = new ArrayList<>();
    byTarget.forEach((g, tests) -> nodes.add(DynamicContainer.dynamicContainer(g, tests)));
    nodes.add(DynamicContainer.dynamicContainer("duplicate submissions", duplicates()));
    nodes.add(DynamicContainer.dynamicContainer("identifiers with a NUL character", nulIdentifiers()));
    return nodes.stream();
  }

  // ---- one entry -------------------------------------------------------------------------------------------------

  private void run(Entry e) throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    Fixture fx = fixtureFor(e);
    Map<String, Object> before = snapshot(fx);
    Result r = send(e, fx);
    assertThat(r.status()).as("status of %s; %s", e.name(), r.error() != null ? r.error() : abbreviate(r.body()))
        .isLessThan(500);
    if (e.target().page()) {
      assertNoLiveMarkup(r.body(), "the re-rendered form");
    } else if (r.contentType() != null) {
      assertThat(r.contentType()).doesNotContain("html");
    }
    Outcome outcome = e.outcome();
    boolean accepted = r.status() < 400;
    if (outcome == Outcome.EITHER) {
      outcome = accepted ? Outcome.ACCEPT : Outcome.REJECT;
    }
    switch (outcome) {
      case REJECT -> {
        assertThat(r.status()).as("refusal of %s: %s", e.name(), abbreviate(r.body())).isEqualTo(400);
        if (e.target().page()) {
          assertFieldsFlagged(Jsoup.parse(r.body()), e);
        } else {
          assertErrorsNamed(r, e);
        }
        assertThat(snapshot(fx)).as("nothing stored after %s", e.name()).isEqualTo(before);
      }
      case TOO_LARGE -> {
        assertThat(r.status()).isEqualTo(413);
        assertThat(JSON.readTree(r.body()).path("limit").asLong()).isPositive();
        assertThat(snapshot(fx)).as("nothing stored").isEqualTo(before);
      }
      case ACCEPT -> {
        assertThat(r.status()).as("acceptance of %s: %s", e.name(), abbreviate(r.body())).isIn(200, 201, 204, 302);
        String caseNumber = switch (e.target()) {
          case NOTIFICATION_API -> JSON.readTree(r.body()).path("caseNumber").asText();
          case INTAKE_PAGE -> {
            assertThat(r.redirect()).startsWith("/cases/");
            yield r.redirect().substring("/cases/".length());
          }
          case TASK_PAGE -> {
            assertThat(r.redirect()).isEqualTo("/tasks");
            yield fx.caseNumber();
          }
          default -> fx.caseNumber();
        };
        if (e.kind() != null) {
          fixtures.remove(e.kind());
          assertThat(engineTasks.createTaskQuery().taskId(fx.taskId()).count()).as("the task is done").isZero();
        }
        assertEscapedOnCase(caseNumber, e);
      }
      default -> throw new IllegalStateException();
    }
  }

  private Result send(Entry e, Fixture fx) throws Exception {
    MockHttpServletRequestBuilder request;
    String user;
    if (e.target().page()) {
      Map<String, String> form = e.form().apply(formBase(e.target(), e.kind()));
      switch (e.target()) {
        case INTAKE_PAGE -> {
          request = post("/intake");
          user = "ida";
        }
        case TASK_PAGE -> {
          request = post("/tasks/" + fx.taskId());
          user = fx.user();
        }
        default -> {
          request = post("/cases/" + fx.caseNumber() + "/concerns");
          user = "karen";
        }
      }
      request.with(csrf());
      form.forEach(request::param);
    } else {
      JsonNode body = e.json().apply(jsonBase(e.target(), e.kind()));
      String content = body instanceof Raw raw ? raw.textValue() : ESCAPING.writeValueAsString(body);
      switch (e.target()) {
        case NOTIFICATION_API -> {
          request = post("/api/notifications");
          user = "ida";
        }
        case TASK_API -> {
          request = post("/api/tasks/" + fx.taskId() + "/complete");
          user = fx.user();
        }
        default -> {
          request = post("/api/cases/" + fx.caseNumber() + "/concerns");
          user = "karen";
        }
      }
      request.contentType(MediaType.APPLICATION_JSON).content(content.getBytes(StandardCharsets.UTF_8));
    }
    return perform(request.with(as(user)));
  }

  private Result perform(MockHttpServletRequestBuilder request) {
    REQUESTS.incrementAndGet();
    try {
      MvcResult result = mvc.perform(request).andReturn();
      var response = result.getResponse();
      response.setCharacterEncoding("UTF-8");
      return new Result(response.getStatus(), response.getContentType(), response.getContentAsString(),
          response.getRedirectedUrl(), null);
    } catch (Exception ex) {
      // an exception no handler answered: the servlet container would answer 500
      return new Result(500, null, "", null, ex.toString());
    }
  }

  // ---- valid bases -----------------------------------------------------------------------------------------------

  private JsonNode jsonBase(Target target, String kind) {
    return switch (target) {
      case NOTIFICATION_API -> notificationJson(newChild());
      case CONCERN_API -> JSON.createObjectNode().put("raisedBy", "SCHOOL").put("description", "Ny bekymring.");
      default -> taskJson(kind);
    };
  }

  private Map<String, String> formBase(Target target, String kind) {
    Map<String, String> f = new LinkedHashMap<>();
    switch (target) {
      case INTAKE_PAGE -> {
        ObjectNode n = notificationJson(newChild());
        f.put("cpr", n.path("child").path("cpr").asText());
        f.put("firstName", n.path("child").path("firstName").asText());
        f.put("lastName", n.path("child").path("lastName").asText());
        f.put("birthDate", n.path("child").path("birthDate").asText());
        f.put("notifierKind", "SCHOOL");
        f.put("notifierOrganisation", "Vestre Skole");
        f.put("notifierName", "Lærer Hansen");
        f.put("concern", "Kommer ofte sulten i skole.");
        f.put("receivedAt", LocalDateTime.ofInstant(NOW.minus(1, ChronoUnit.HOURS), CPH)
            .truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        f.put("team", "nord");
      }
      case CONCERN_PAGE -> {
        f.put("raisedBy", "SCHOOL");
        f.put("description", "Ny bekymring fra skolen.");
      }
      default -> f.putAll(BadInputCorpus.flatten(taskJson(kind)));
    }
    return f;
  }

  private static ObjectNode notificationJson(Child c) {
    ObjectNode n = JSON.createObjectNode();
    n.putObject("child").put("cpr", c.cpr()).put("firstName", "Alma").put("lastName", "Badinput")
        .put("birthDate", c.birth().toString());
    n.put("notifierKind", "SCHOOL").put("notifierOrganisation", "Vestre Skole").put("notifierName", "Lærer Hansen")
        .put("concern", "Kommer ofte sulten i skole.").put("receivedAt", NOW.minus(1, ChronoUnit.HOURS).toString())
        .put("team", "nord");
    return n;
  }

  private static ObjectNode taskJson(String kind) {
    ObjectNode j = JSON.createObjectNode();
    switch (kind) {
      case "acute-assessment" -> j.put("outcome", "INVESTIGATE").put("note", "Undersøges.");
      case "investigation" -> j.put("findings", "Familien mangler struktur.").put("youthPerspective", "Bo hjemme.")
          .put("riskLevel", "MODERATE").put("safeAtHome", true).put("kinOrNetworkPossible", false)
          .put("youthWish", "STAY_HOME").put("outcome", "INTERVENTION");
      case "choose-step" -> j.put("stepKey", "PREVENTIVE").put("description", "Familierådgivning.")
          .put("plannedEnd", "2027-12-31").put("nextStepDownKey", "EARLY_HELP").put("justification", "Begrundet.")
          .put("childNotHeardReason", "Barnet er for lille til en samtale.");
      case "action-plan" -> {
        j.put("youthOwnWords", "Jeg vil i skole hver dag.");
        ObjectNode goal = j.putArray("goals").addObject().put("title", "Fremmøde").put("successCriterion", "90 %")
            .put("owner", "Mor").put("targetDate", "2027-09-01").put("youthOwn", true);
        goal.putArray("subGoals").addObject().put("title", "Vækkeur").put("targetDate", "2027-06-01");
      }
      case "network-meeting" -> {
        j.putArray("participants").addObject().put("role", "YOUTH").put("name", "Alma");
        j.putArray("goalProgress");
        j.put("youthSatisfaction", 4).put("youthVoice", "Rart.").put("decision", "CONTINUE")
            .put("decisionNote", "Fortsætter.");
      }
      case "follow-up" -> j.put("effective", true).put("conclusion", "Indsatsen virker.").put("nextInterval", "P6M");
      default -> throw new IllegalArgumentException(kind);
    }
    return j;
  }

  // ---- fixtures --------------------------------------------------------------------------------------------------

  private record Child(String cpr, LocalDate birth) {
  }

  /** A child of its own: born 2010-2018, CPR number matching the birth date (7th digit 7: born in the 2000s). */
  private static Child newChild() {
    int n = SERIAL.incrementAndGet();
    LocalDate birth = LocalDate.of(2010, 1, 1).plusDays(n % 3000);
    String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "7" + String.format("%03d", (n / 3000) % 1000);
    return new Child(cpr, birth);
  }

  private Fixture fixtureFor(Entry e) {
    return switch (e.target()) {
      case TASK_API, TASK_PAGE -> taskFixture(e.kind());
      case CONCERN_API, CONCERN_PAGE -> {
        if (concernCase == null) {
          concernCase = caseWithRunningIntervention();
        }
        yield new Fixture(concernCase, null, "karen");
      }
      default -> null;
    };
  }

  private Fixture taskFixture(String kind) {
    Fixture fx = fixtures.get(kind);
    if (fx != null && engineTasks.createTaskQuery().taskId(fx.taskId()).count() == 1) {
      return fx;
    }
    String caseNumber = switch (kind) {
      case "acute-assessment" -> notifyChild();
      case "investigation" -> caseInInvestigation();
      case "choose-step" -> caseChoosingStep();
      default -> caseWithRunningIntervention();
    };
    String user = kind.equals("acute-assessment") ? "ida" : "karen";
    fx = new Fixture(caseNumber, task(caseNumber, TASK_KEY.get(kind)).id(), user);
    fixtures.put(kind, fx);
    if (List.of("action-plan", "network-meeting", "follow-up").contains(kind)) {
      for (String other : List.of("action-plan", "network-meeting", "follow-up")) {
        Fixture o = fixtures.get(other);
        if (o == null || engineTasks.createTaskQuery().taskId(o.taskId()).count() == 0) {
          fixtures.put(other, new Fixture(caseNumber, task(caseNumber, TASK_KEY.get(other)).id(), "karen"));
        }
      }
    }
    ClockUtil.setCurrentTime(Date.from(NOW));
    return fx;
  }

  private String notifyChild() {
    ClockUtil.setCurrentTime(Date.from(START));
    Child c = newChild();
    return intake.register(new NewNotification(
        new NewNotification.ChildInput(c.cpr(), "Alma", "Fixture", c.birth()), NotifierKind.SCHOOL, "Nørre Skole",
        "Lærer Hansen", "Kommer ofte sulten i skole.", START, "nord"), null, "ida").caseNumber();
  }

  private String caseInInvestigation() {
    String caseNumber = notifyChild();
    later(1);
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_SendAcknowledgement", "ida", Map.of("note", "Sendt."));
    later(24);
    return caseNumber;
  }

  private String caseChoosingStep() {
    String caseNumber = caseInInvestigation();
    complete(caseNumber, "Task_Investigation", "karen", Map.of("findings", "Familien mangler struktur.",
        "youthPerspective", "Jeg vil bo hjemme.", "riskLevel", "MODERATE", "safeAtHome", true,
        "kinOrNetworkPossible", false, "youthWish", "STAY_HOME", "outcome", "INTERVENTION"));
    later(23);
    return caseNumber;
  }

  private String caseWithRunningIntervention() {
    String caseNumber = caseChoosingStep();
    complete(caseNumber, "Task_ChooseStep", "karen", Map.of("stepKey", "PREVENTIVE",
        "description", "Familierådgivning hver 14. dag.", "plannedEnd", "2027-12-31", "nextStepDownKey",
        "EARLY_HELP", "childNotHeardReason", "Barnet er for lille til en samtale."));
    ClockUtil.setCurrentTime(Date.from(NOW));
    return caseNumber;
  }

  private void complete(String caseNumber, String taskKey, String username, Map<String, Object> payload) {
    StaffMember user = org.member(username).orElseThrow();
    tasks.complete(task(caseNumber, taskKey).id(), JSON.valueToTree(payload), user);
  }

  private TaskView task(String caseNumber, String taskKey) {
    return tasks.tasksOfCase(caseNumber).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst()
        .orElseThrow(() -> new AssertionError("case " + caseNumber + " has no task " + taskKey));
  }

  private static void later(long hours) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(hours * 3600)));
  }

  private RequestPostProcessor as(String username) {
    StaffMember m = org.member(username).orElseThrow();
    return SecurityMockMvcRequestPostProcessors.user(username).roles(m.role().name());
  }

  // ---- what must hold --------------------------------------------------------------------------------------------

  /**
   * What a refused request must not change: the row counts of the domain tables (the audit trail aside, which
   * records reads) and of the engine's runtime tables; for a task, that it is open with the same assignee and
   * variables.
   */
  private Map<String, Object> snapshot(Fixture fx) {
    if (countedTables == null) {
      // H2 spells the schema PUBLIC and the tables in upper case, PostgreSQL public and lower case; the names are
      // quoted below as the database stores them
      countedTables = jdbc.queryForList("select table_name from information_schema.tables "
          + "where upper(table_schema) = 'PUBLIC' and table_type = 'BASE TABLE'", String.class).stream()
          .filter(t -> !t.toUpperCase().startsWith("ACT_") || List.of("ACT_RU_TASK", "ACT_RU_EXECUTION",
              "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR").contains(t.toUpperCase()))
          .filter(t -> !t.toLowerCase().contains("audit") && !t.toLowerCase().contains("flyway"))
          .sorted().toList();
      assertThat(countedTables).isNotEmpty();
    }
    Map<String, Object> s = new TreeMap<>();
    for (String t : countedTables) {
      s.put(t, jdbc.queryForObject("select count(*) from \"" + t + "\"", Long.class));
    }
    if (fx != null && fx.taskId() != null) {
      Task task = engineTasks.createTaskQuery().taskId(fx.taskId()).singleResult();
      s.put("task open", task != null);
      if (task != null) {
        s.put("task assignee", String.valueOf(task.getAssignee()));
        s.put("process variables", new TreeMap<>(runtime.getVariables(task.getProcessInstanceId())).toString());
      }
    }
    return s;
  }

  private static void assertErrorsNamed(Result r, Entry e) throws Exception {
    assertThat(r.contentType()).contains("problem+json");
    JsonNode errors = JSON.readTree(r.body()).path("errors");
    assertThat(errors.isObject() && !errors.isEmpty()).as("errors map in %s", r.body()).isTrue();
    List<String> keys = new ArrayList<>();
    errors.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as("errors of %s in %s", e.name(), abbreviate(r.body())).containsAll(e.fields()).allSatisfy(k -> assertThat(k).isNotBlank());
  }

  private static void assertFieldsFlagged(Document page, Entry e) {
    if (e.fields().isEmpty()) {
      assertThat(page.select("[aria-invalid=true], .field-error")).as("a field marked invalid").isNotEmpty();
      return;
    }
    for (String field : e.fields()) {
      boolean invalidInput = page.getElementsByAttributeValue("name", field).stream()
          .anyMatch(el -> "true".equals(el.attr("aria-invalid")));
      String formId = "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
      boolean errorNextToIt = page.getElementById(field + "-error") != null
          || page.getElementById(formId + "-error") != null;
      assertThat(invalidInput || errorNextToIt).as("field %s marked invalid on the form of %s", field, e.name())
          .isTrue();
    }
  }

  /** The case page shows the accepted text as text, and the case API answers with it as JSON. */
  private void assertEscapedOnCase(String caseNumber, Entry e) throws Exception {
    Result page = perform(get("/cases/" + caseNumber).with(as("karen")));
    assertThat(page.status()).as("case page: %s", page.error()).isEqualTo(200);
    assertNoLiveMarkup(page.body(), "the case page");
    Result api = perform(get("/api/cases/" + caseNumber).with(as("karen")));
    assertThat(api.status()).as("case API: %s %s", api.error(), abbreviate(api.body())).isEqualTo(200);
    assertThat(api.contentType()).contains("json");
    JsonNode theCase = JSON.readTree(api.body());
    boolean markup = e.name().contains("script") || e.name().contains("img onerror");
    if (markup && (e.target() == Target.NOTIFICATION_API || e.target() == Target.CONCERN_API
        || e.target() == Target.INTAKE_PAGE || e.target() == Target.CONCERN_PAGE)) {
      assertThat(theCase.toString()).as("the text is kept as typed").contains("alert(1)");
      assertThat(Jsoup.parse(page.body()).text()).as("the text is shown, as text").contains("alert(1)");
    }
  }

  private static void assertNoLiveMarkup(String html, String what) {
    assertThat(html).as(what).doesNotContain(BadInputCorpus.SCRIPT).doesNotContain(BadInputCorpus.IMG);
    Document doc = Jsoup.parse(html);
    for (Element script : doc.select("script")) {
      assertThat(script.data()).as("script in %s", what).doesNotContain("alert(1)");
    }
    assertThat(doc.select("[onerror]")).as("elements with onerror in %s", what).isEmpty();
    assertThat(doc.select("img[src=x]")).as("injected images in %s", what).isEmpty();
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }

  // ---- duplicates ------------------------------------------------------------------------------------------------

  private List<DynamicNode> duplicates() {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("the same notification sent twice over the API opens one case", () -> {
      String body = ESCAPING.writeValueAsString(notificationJson(newChild()));
      long cases = count("youth_case");
      Result first = perform(post("/api/notifications").with(as("ida")).contentType(MediaType.APPLICATION_JSON)
          .content(body));
      Result second = perform(post("/api/notifications").with(as("ida")).contentType(MediaType.APPLICATION_JSON)
          .content(body));
      assertThat(first.status()).isEqualTo(201);
      assertThat(second.status()).isEqualTo(200);
      assertThat(JSON.readTree(second.body()).path("caseNumber").asText())
          .isEqualTo(JSON.readTree(first.body()).path("caseNumber").asText());
      assertThat(JSON.readTree(second.body()).path("duplicate").asBoolean()).isTrue();
      assertThat(count("youth_case")).isEqualTo(cases + 1);
    }));
    tests.add(DynamicTest.dynamicTest("the same intake form submitted twice opens one case", () -> {
      Map<String, String> form = formBase(Target.INTAKE_PAGE, null);
      long cases = count("youth_case");
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        MockHttpServletRequestBuilder request = post("/intake").with(as("ida")).with(csrf());
        form.forEach(request::param);
        results.add(perform(request));
      }
      assertThat(results).extracting(Result::status).containsExactly(302, 302);
      assertThat(results.get(1).redirect()).isEqualTo(results.get(0).redirect());
      assertThat(count("youth_case")).isEqualTo(cases + 1);
    }));
    for (String kind : BadInputCorpus.TASK_KINDS) {
      tests.add(DynamicTest.dynamicTest("the same " + kind + " completion sent twice over the API: the second is "
          + "refused and changes nothing", () -> {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Fixture fx = taskFixture(kind);
        String body = ESCAPING.writeValueAsString(taskJson(kind));
        Result first = perform(post("/api/tasks/" + fx.taskId() + "/complete").with(as(fx.user()))
            .contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(first.status()).as(first.body()).isEqualTo(204);
        Map<String, Object> before = snapshot(fx);
        Result second = perform(post("/api/tasks/" + fx.taskId() + "/complete").with(as(fx.user()))
            .contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(second.status()).isIn(404, 409);
        assertThat(snapshot(fx)).isEqualTo(before);
        fixtures.remove(kind);
      }));
      tests.add(DynamicTest.dynamicTest("the same " + kind + " form submitted twice: the second changes nothing "
          + "and says the task is gone", () -> {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Fixture fx = taskFixture(kind);
        Map<String, String> form = formBase(Target.TASK_PAGE, kind);
        List<Result> results = new ArrayList<>();
        Map<String, Object> before = null;
        for (int i = 0; i < 2; i++) {
          if (i == 1) {
            before = snapshot(fx);
          }
          MockHttpServletRequestBuilder request = post("/tasks/" + fx.taskId()).with(as(fx.user())).with(csrf());
          form.forEach(request::param);
          results.add(perform(request));
        }
        assertThat(results.get(0).status()).as(abbreviate(results.get(0).body())).isEqualTo(302);
        assertThat(results.get(1).status()).isIn(302, 404, 409);
        assertThat(results.get(1).redirect()).isIn("/tasks", null);
        assertThat(snapshot(fx)).isEqualTo(before);
        fixtures.remove(kind);
      }));
    }
    return tests;
  }

  /**
   * A case number or task id with a NUL in it names nothing, and never gives a server error (PostgreSQL cannot be asked
   * for it): in the path, Spring Security's firewall refuses it (400); as a form parameter, it is not found.
   */
  private List<DynamicNode> nulIdentifiers() {
    String bad = "2027\u0000-1";
    return List.of(
        DynamicTest.dynamicTest("GET /api/cases/{n} is refused", () -> assertThat(
            perform(get("/api/cases/{n}", bad).with(as("karen"))).status()).isBetween(400, 404)),
        DynamicTest.dynamicTest("GET /cases/{n} is refused", () -> assertThat(
            perform(get("/cases/{n}", bad).with(as("karen"))).status()).isBetween(400, 404)),
        DynamicTest.dynamicTest("POST /api/tasks/{id}/complete is refused", () -> assertThat(
            perform(post("/api/tasks/{id}/complete", bad).with(as("karen")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).status()).isBetween(400, 404)),
        DynamicTest.dynamicTest("reassigning such a task or case on the oversight page is no server error", () -> {
          Result tasks = perform(post("/oversight/reassign-tasks").with(as("birgitte")).with(csrf())
              .param("taskIds", bad).param("assignee", "karen"));
          Result cases = perform(post("/oversight/reassign-cases").with(as("birgitte")).with(csrf())
              .param("caseNumbers", bad).param("caseworker", "karen"));
          assertThat(tasks.status()).as("tasks: %s", tasks.error()).isBetween(302, 404);
          assertThat(cases.status()).as("cases: %s", cases.error()).isBetween(302, 404);
        }));
  }

  private long count(String table) {
    return Optional.ofNullable(jdbc.queryForObject("select count(*) from " + table, Long.class)).orElse(0L);
  }
}
