package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.audit.AuditService;
import dk.trappen.tasks.TaskView;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The case page as intake sees it")
class IntakeViewPageTest extends PageTestSupport {

  private static final String FINDINGS = "Familien mangler struktur.";
  private static final String YOUTH_WORDS = "Jeg vil bo hjemme.";
  private static final String INTERVENTION = "Familierådgivning hver 14. dag.";

  @Autowired
  private AuditService audit;

  @Test
  @DisplayName("shows intake the child, where the case is and its notifications, and none of the investigation, "
      + "the interventions, the plan, the meetings or the youth's words, which the team's caseworker sees")
  void intakeSeesTheIntakeViewOnly() throws Exception {
    TestChild child = newChild("Ditte", "Intakesen");
    String caseNumber = caseWithRunningIntervention(child);

    MvcResult result = mvc.perform(get("/cases/" + caseNumber).with(as("ida"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    String body = result.getResponse().getContentAsString();
    Document page = html(result);
    assertThat(page.select("h1").text()).contains(child.name()).contains(caseNumber);
    assertThat(page.text()).contains(child.formattedCpr()).contains("Team Nord").contains("Åben")
        .contains("Kommer ofte sulten i skole.").contains("Nørre Skole")
        .contains("Modtagelsens visning");
    assertThat(body).doesNotContain(FINDINGS).doesNotContain(YOUTH_WORDS).doesNotContain(INTERVENTION)
        .doesNotContain("Undersøges.");
    assertThat(page.select("#staircase, #interventions, #plan, #deadlines, #concerns, #timeline, main form"))
        .isEmpty();
    assertThat(page.select("main h1")).hasSize(1);
    assertThat(audit.ofCase(cases.get(caseNumber).id())).anySatisfy(row -> {
      assertThat(row.username()).isEqualTo("ida");
      assertThat(row.what()).isEqualTo("page: case (intake view)");
    });

    String karens = mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(karens).contains(FINDINGS).contains(INTERVENTION);
  }

  @Test
  @DisplayName("lists intake's own open task on the case (the acute assessment), linked, and speaks English when "
      + "asked")
  void intakeSeesItsOwnTaskInEnglish() throws Exception {
    TestChild child = newChild("Emil", "Intakesen");
    String caseNumber = notify(child);
    TaskView acute = tasks.tasksOfCase(caseNumber).stream()
        .filter(t -> "Task_AcuteAssessment".equals(t.taskKey())).findFirst().orElseThrow();

    Document da = html(mvc.perform(get("/cases/" + caseNumber).with(as("ida"))).andReturn());
    assertThat(da.select("#tasks a[href=/tasks/" + acute.id() + "]").text()).startsWith("Akut vurdering");

    Document en = html(mvc.perform(get("/cases/" + caseNumber).param("lang", "en").with(as("ida"))).andReturn());
    assertThat(en.select("#notifications h2").text()).isEqualTo("Notifications");
    assertThat(en.select("#tasks h2").text()).isEqualTo("Your open tasks on the case");
    assertThat(en.text()).contains("Intake’s view");
  }

  @Test
  @DisplayName("refuses intake a new concern on the case, as a case it does not hold (not found), storing nothing")
  void intakeCannotWriteToTheCase() throws Exception {
    TestChild child = newChild("Frej", "Intakesen");
    String caseNumber = caseWithRunningIntervention(child);

    MvcResult result = mvc.perform(post("/cases/" + caseNumber + "/concerns").with(as("ida")).with(csrf())
        .param("raisedBy", "SCHOOL").param("description", "Ny bekymring fra modtagelsen.")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(404);
    String karens = mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(karens).doesNotContain("Ny bekymring fra modtagelsen.");
  }

  @Test
  @DisplayName("audits each CPR look-up of the child check: a row per case shown, one row when nothing is shown, "
      + "never the CPR number")
  void childCheckLookUpsAreAudited() throws Exception {
    TestChild child = newChild("Gry", "Opslag");
    String caseNumber = notify(child);
    long caseId = cases.get(caseNumber).id();

    long before = audit.count();
    mvc.perform(get("/intake/child-check").param("cpr", child.formattedCpr()).with(as("ida"))).andReturn();
    assertThat(audit.count()).as("ida's look-up of a known child").isEqualTo(before + 1);
    assertThat(audit.ofCase(caseId)).anySatisfy(row -> {
      assertThat(row.username()).isEqualTo("ida");
      assertThat(row.action().name()).isEqualTo("READ");
      assertThat(row.what()).isEqualTo("CPR look-up: child check");
      assertThat(row.source()).isNotBlank();
    });

    before = audit.count();
    mvc.perform(get("/intake/child-check").param("cpr", newChild("Ukendt", "Barn").cpr()).with(as("ida")))
        .andReturn();
    assertThat(audit.count()).as("a look-up that found nothing").isEqualTo(before + 1);

    before = audit.count();
    String syd = mvc.perform(get("/intake/child-check").param("cpr", child.cpr()).with(as("sofie"))).andReturn()
        .getResponse().getContentAsString();
    assertThat(syd).doesNotContain(caseNumber);
    assertThat(audit.count()).as("a look-up that showed another team's caseworker nothing").isEqualTo(before + 1);
    List<AuditService.AuditView> rows = audit.ofCase(caseId);
    assertThat(rows).noneMatch(row -> "sofie".equals(row.username()));
    assertThat(rows).allSatisfy(row -> assertThat(row.what()).doesNotContain(child.cpr().substring(0, 6)));

    before = audit.count();
    mvc.perform(get("/intake/child-check").param("cpr", "12").with(as("ida"))).andReturn();
    assertThat(audit.count()).as("no look-up is made for an incomplete CPR number").isEqualTo(before);
  }

  @Test
  @DisplayName("refuses names with a bidirectional control, the message beside each field in Danish and English, "
      + "storing nothing; a concern with right-to-left marks is accepted")
  void namesRefuseBidiControls() throws Exception {
    TestChild child = newChild("Bidi", "Navn");
    MvcResult da = mvc.perform(post("/intake").with(as("ida")).with(csrf())
        .param("cpr", child.cpr()).param("firstName", "Ali\u202Ece").param("lastName", "Navn")
        .param("birthDate", child.birthDate().toString()).param("notifierKind", "SCHOOL")
        .param("notifierOrganisation", "Nørre Skole").param("notifierName", "Lærer \u2067Hansen\u2069")
        .param("concern", "Kommer ofte sulten i skole.").param("receivedAt", "2027-03-02T08:30")
        .param("team", "nord")).andReturn();

    assertThat(da.getResponse().getStatus()).isEqualTo(400);
    Document page = html(da);
    assertThat(page.select("#firstName-error").text()).startsWith("Et navn må ikke indeholde usynlige retningstegn");
    assertThat(page.select("#firstName").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#notifierName-error").text()).startsWith("Et navn må ikke indeholde");
    assertThat(page.select("#lastName-error")).isEmpty();
    assertThat(page.select("#firstName").val()).as("what was typed is kept").isEqualTo("Ali\u202Ece");
    assertThat(cases.casesOfChild(child.cpr())).as("nothing stored").isEmpty();

    MvcResult en = mvc.perform(post("/intake").param("lang", "en").with(as("ida")).with(csrf())
        .param("cpr", child.cpr()).param("firstName", "Bidi").param("lastName", "\u200FNavn")
        .param("birthDate", child.birthDate().toString()).param("notifierKind", "SCHOOL")
        .param("notifierOrganisation", "Nørre Skole").param("concern", "Kommer ofte sulten i skole.")
        .param("receivedAt", "2027-03-02T08:30").param("team", "nord")).andReturn();
    assertThat(en.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(en).select("#lastName-error").text())
        .startsWith("A name must not contain invisible direction characters");
    assertThat(cases.casesOfChild(child.cpr())).isEmpty();

    MvcResult accepted = mvc.perform(post("/intake").with(as("ida")).with(csrf())
        .param("cpr", child.cpr()).param("firstName", "Bidi").param("lastName", "Navn")
        .param("birthDate", child.birthDate().toString()).param("notifierKind", "RELATIVE")
        .param("concern", "Moren sagde: \u200F\u0623\u0646\u0627 \u0642\u0644\u0642\u0629\u200F.")
        .param("receivedAt", "2027-03-02T08:30").param("team", "nord")).andReturn();
    assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
    assertThat(cases.casesOfChild(child.cpr())).hasSize(1);
  }
}
