package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

/**
 * What intake and other callers learn of a case over the API: intake reads the case's intake view and nothing of its
 * contents; the receipt of a notification names a case only to those who may know of it; names refuse bidirectional
 * controls.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Intake's view of a case over the API")
class IntakeScopeApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 300));
  private static final String YOUTH_WORDS = "Jeg vil blive hos mormor om weekenden, ikke på opholdssted.";
  private static final String FINDINGS = "Mor arbejder om natten; drengen passer sig selv.";

  @Autowired
  private CaseService cases;
  @Autowired
  private AuditService audit;

  /** A child born in 2013 with a CPR number of its own (7th digit 4: born in the 2000s). */
  private record Child(String cpr, LocalDate birth) {
  }

  private static Child newChild() {
    int n = SERIAL.incrementAndGet();
    LocalDate birth = LocalDate.of(2013, 1, 1).plusDays(n % 360);
    return new Child(DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "4" + String.format("%03d", 500 + n % 500),
        birth);
  }

  private Map<String, Object> notification(Child c, String concern, String team) {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", c.cpr(), "firstName", "Viggo", "lastName", "Intakesen", "birthDate",
        c.birth().toString()));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Vestre Skole");
    n.put("notifierName", "Lærer Holm");
    n.put("concern", concern);
    n.put("receivedAt", now().minus(Duration.ofHours(1)).toString());
    n.put("team", team);
    return n;
  }

  /** A case of team nord in investigation, the investigation recorded with the youth's own words. */
  private String investigatedCase(Child child) throws Exception {
    Response created = postJson("ida", "/api/notifications", notification(child, "Sover i skolen.", "nord"));
    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();
    assertThat(complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE",
        "note", "Ingen akut fare; undersøges.")).status()).isEqualTo(204);
    assertThat(complete("karen", caseNumber, "investigation", Map.of("findings", FINDINGS,
        "youthPerspective", YOUTH_WORDS, "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", true,
        "youthWish", "STAY_HOME", "outcome", "INTERVENTION")).status()).isEqualTo(204);
    return caseNumber;
  }

  @Test
  @DisplayName("intake reads a team's case as its intake view: the child, where the case is and its notifications, "
      + "and no investigation, plan, meetings or youth's words; the full case is not found for intake")
  void intakeReadsTheIntakeViewOnly() throws Exception {
    Child child = newChild();
    String caseNumber = investigatedCase(child);

    Response full = getJson("ida", "/api/cases/" + caseNumber);
    assertThat(full.status()).as("the whole case is refused to intake like to a stranger").isEqualTo(404);
    assertThat(String.valueOf(full.body())).doesNotContain(YOUTH_WORDS).doesNotContain("Viggo");

    long auditBefore = audit.count();
    Response view = getJson("ida", "/api/cases/" + caseNumber + "/intake");
    assertThat(view.status()).isEqualTo(200);
    JsonNode v = view.body();
    List<String> keys = new ArrayList<>();
    v.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("caseNumber", "status", "team", "teamName", "openedAt", "closedAt",
        "child", "notifications");
    assertThat(v.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(v.path("status").asText()).isEqualTo("OPEN");
    assertThat(v.path("team").asText()).isEqualTo("nord");
    assertThat(v.path("teamName").asText()).isEqualTo("Team Nord");
    assertThat(v.path("child").path("cpr").asText()).isEqualTo(child.cpr());
    assertThat(v.path("child").path("name").asText()).isEqualTo("Viggo Intakesen");
    assertThat(v.path("notifications")).hasSize(1);
    assertThat(v.path("notifications").get(0).path("concern").asText()).isEqualTo("Sover i skolen.");
    assertThat(v.path("notifications").get(0).path("assessed").asBoolean()).isTrue();
    List<String> notificationKeys = new ArrayList<>();
    v.path("notifications").get(0).fieldNames().forEachRemaining(notificationKeys::add);
    assertThat(notificationKeys).doesNotContain("acuteNote", "assessedBy", "registeredBy");
    assertThat(v.toString()).doesNotContain(YOUTH_WORDS).doesNotContain(FINDINGS)
        .doesNotContain("Ingen akut fare").doesNotContain("karen");
    assertThat(audit.count()).as("the read is audited").isEqualTo(auditBefore + 1);
    assertThat(audit.ofCase(cases.get(caseNumber).id())).anySatisfy(row -> {
      assertThat(row.username()).isEqualTo("ida");
      assertThat(row.what()).isEqualTo("api: case (intake view)");
    });

    // the team's caseworker still sees everything, the youth's words included
    Response karen = getJson("karen", "/api/cases/" + caseNumber);
    assertThat(karen.status()).isEqualTo(200);
    assertThat(karen.body().path("investigation").path("youthPerspective").asText()).isEqualTo(YOUTH_WORDS);
    assertThat(karen.body().path("investigation").path("findings").asText()).isEqualTo(FINDINGS);
    assertThat(karen.body().has("plans")).isTrue();
    assertThat(karen.body().has("meetings")).isTrue();
    // and another team's caseworker not even the intake view
    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/intake").status()).isEqualTo(404);
    assertThat(getJson("admin", "/api/cases/" + caseNumber + "/intake").status()).isIn(403, 404);
  }

  @Test
  @DisplayName("a caseworker's receipt for a notification about a child with another team's open case holds no case "
      + "number and no joinedOpenCase; intake and the case's team still see both")
  void receiptRevealsNoOtherTeamsCase() throws Exception {
    Child child = newChild();
    Response opened = postJson("ida", "/api/notifications", notification(child, "Første bekymring.", "syd"));
    String caseNumber = opened.body().path("caseNumber").asText();
    assertThat(caseNumber).isNotBlank();

    MockHttpServletResponse karens = register("karen", notification(child, "Karens bekymring.", "nord"));
    assertThat(karens.getStatus()).isEqualTo(201);
    JsonNode receipt = json.readTree(karens.getContentAsString());
    List<String> keys = new ArrayList<>();
    receipt.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("notificationId", "duplicate");
    assertThat(karens.getContentAsString()).doesNotContain(caseNumber).doesNotContain("joinedOpenCase");
    assertThat(karens.getHeader("Location")).isNull();
    assertThat(cases.get(caseNumber).status().name()).as("it did join the case").isEqualTo("OPEN");
    MockHttpServletResponse karensRetry = register("karen", notification(child, "Karens bekymring.", "nord"));
    assertThat(karensRetry.getStatus()).isEqualTo(200);
    assertThat(karensRetry.getContentAsString()).doesNotContain(caseNumber).doesNotContain("joinedOpenCase");

    MockHttpServletResponse idas = register("ida", notification(child, "Idas bekymring.", "nord"));
    JsonNode idaReceipt = json.readTree(idas.getContentAsString());
    assertThat(idaReceipt.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(idaReceipt.path("joinedOpenCase").asBoolean()).isTrue();
    assertThat(idas.getHeader("Location")).isEqualTo("/api/cases/" + caseNumber + "/intake");

    MockHttpServletResponse sofies = register("sofie", notification(child, "Sofies bekymring.", "syd"));
    JsonNode sofieReceipt = json.readTree(sofies.getContentAsString());
    assertThat(sofieReceipt.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(sofieReceipt.path("joinedOpenCase").asBoolean()).isTrue();
    assertThat(sofies.getHeader("Location")).isEqualTo("/api/cases/" + caseNumber);
  }

  @Test
  @DisplayName("a child's or notifier's name with a bidirectional control is refused naming the field and nothing is "
      + "stored, while a concern in Arabic with right-to-left marks is accepted")
  void namesRefuseBidiControls() throws Exception {
    Child child = newChild();
    Map<String, Object> reversed = notification(child, "Bekymring.", "nord");
    reversed.put("child", Map.of("cpr", child.cpr(), "firstName", "Ali\u202Ece", "lastName", "Hansen\u2066",
        "birthDate", child.birth().toString()));
    reversed.put("notifierName", "\u200FLærer Holm");

    Response refused = postJson("ida", "/api/notifications", reversed);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("type").asText()).endsWith("/invalid-input");
    JsonNode errors = refused.body().path("errors");
    assertThat(errors.path("child.firstName").asText()).isEqualTo(ControlCharacters.BIDI_PROBLEM_TEXT);
    assertThat(errors.path("child.lastName").asText()).isEqualTo(ControlCharacters.BIDI_PROBLEM_TEXT);
    assertThat(errors.path("notifierName").asText()).isEqualTo(ControlCharacters.BIDI_PROBLEM_TEXT);
    assertThat(refused.body().path("detail").asText()).contains("child.firstName");
    assertThat(cases.casesOfChild(child.cpr())).as("nothing stored").isEmpty();

    Response arabic = postJson("ida", "/api/notifications", notification(child,
        "Moren sagde: \u200F\u0623\u0646\u0627 \u0642\u0644\u0642\u0629\u200F (jeg er bekymret).", "nord"));
    assertThat(arabic.status()).isEqualTo(201);
    assertThat(cases.casesOfChild(child.cpr())).hasSize(1);
  }

  private MockHttpServletResponse register(String user, Map<String, Object> body) throws Exception {
    return mvc.perform(post("/api/notifications").with(httpBasic(user, TestStaff.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
  }
}
