package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.meetings.MeetingsService;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
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
@DisplayName("The case page")
class CasePageTest extends PageTestSupport {

  @Autowired
  private MeetingsService meetings;

  @Test
  @DisplayName("shows the child, the staircase with the current step marked in words, and the path as a table")
  void showsTheChildAndTheStaircase() throws Exception {
    TestChild child = newChild("Alfred", "Holm");
    String caseNumber = caseWithRunningIntervention(child);

    MvcResult result = mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    Document page = html(result);
    assertThat(page.select("h1").text()).contains("Alfred Holm").contains(caseNumber);
    assertThat(page.select("dl.facts").first().text()).contains(child.formattedCpr()).contains("Åben")
        .contains("Team Nord")
        // the age on the day the page is shown (the journey above moved the clock three weeks past the start)
        .contains(Period.between(child.birthDate(), LocalDate.ofInstant(now(), ZoneId.of("Europe/Copenhagen")))
            .getYears() + " år");
    Elements current = page.select("ol.staircase li.current");
    assertThat(current).hasSize(1);
    assertThat(current.first().text()).contains("Forebyggende indsatser").contains("Nuværende trin");
    assertThat(current.first().attr("aria-current")).isEqualTo("step");
    assertThat(page.select("ol.staircase li")).hasSize(6);
    assertThat(page.select("ol.staircase li.next-down").text()).contains("Tidlig indsats i almenområdet")
        .contains("Planlagt næste trin ned");
    assertThat(page.select("#path-chart").attr("data-path")).contains("\"points\"");
    assertThat(page.select("table.path tbody tr")).hasSize(2);
    assertThat(page.select("table.path tbody tr").get(1).text()).contains("Trin 2: Forebyggende indsatser")
        .contains("Op ad trappen").contains("nu");
    assertThat(page.select("table.interventions").first().text()).contains("Familierådgivning hver 14. dag.")
        .contains("Tidlig indsats i almenområdet");
  }

  @Test
  @DisplayName("lists the deadlines with state, due time in words, rule and legal basis, and the open tasks with links")
  void showsTheDeadlines() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Bodil", "Krag"));

    Document page = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());

    Element acute = row(page, "table.deadlines", "Akut vurdering");
    assertThat(acute.select(".badge").text()).isEqualTo("Overholdt");
    assertThat(acute.select("td.rule").text()).contains("PT24H");
    assertThat(acute.text()).contains("Barnets Lov");
    Element meeting = row(page, "table.deadlines", "Netværksmøde");
    assertThat(meeting.select(".badge").text()).isEqualTo("Åben");
    assertThat(meeting.select(".due-words").text()).startsWith("om ");
    assertThat(meeting.select("td.rule").text()).isNotBlank();
    Elements taskLinks = page.select("#tasks table a[href^=/tasks/]");
    assertThat(taskLinks.eachText()).contains("Netværksmøde");
    assertThat(page.select("ol.timeline li").first().text()).contains("Indsats startet");
    assertThat(page.select("ol.timeline").text()).contains("Underretning modtaget fra Skole, Nørre Skole")
        .contains("Frist overholdt: Akut vurdering");
  }

  @Test
  @DisplayName("is not found for a caseworker of another team, as for a case that does not exist")
  void anotherTeamGetsNotFound() throws Exception {
    String caseNumber = notify(newChild("Carl", "Dam"));

    MvcResult other = mvc.perform(get("/cases/" + caseNumber).with(as("sofie"))).andReturn();
    MvcResult otherLeader = mvc.perform(get("/cases/" + caseNumber).with(as("henrik"))).andReturn();
    MvcResult missing = mvc.perform(get("/cases/1999-999999").with(as("karen"))).andReturn();

    assertThat(other.getResponse().getStatus()).isEqualTo(404);
    assertThat(html(other).select("h1").text()).isEqualTo("Sagen blev ikke fundet");
    assertThat(other.getResponse().getContentAsString()).doesNotContain("Carl Dam");
    assertThat(otherLeader.getResponse().getStatus()).isEqualTo(404);
    assertThat(missing.getResponse().getStatus()).isEqualTo(404);
    assertThat(mvc.perform(get("/cases/" + caseNumber).with(as("ida"))).andReturn().getResponse().getStatus())
        .as("intake sees every case, as its intake view").isEqualTo(200);
    assertThat(mvc.perform(get("/cases/" + caseNumber).with(as("birgitte"))).andReturn().getResponse().getStatus())
        .as("the team's leader sees the case").isEqualTo(200);
  }

  @Test
  @DisplayName("offers the new-concern form only while an intervention runs")
  void concernFormOnlyWhileAnInterventionRuns() throws Exception {
    String fresh = notify(newChild("Dina", "Berg"));
    String running = caseWithRunningIntervention(newChild("Erik", "Lund"));

    assertThat(html(mvc.perform(get("/cases/" + fresh).with(as("karen"))).andReturn()).select("form.concern-form"))
        .isEmpty();
    assertThat(html(mvc.perform(get("/cases/" + running).with(as("karen"))).andReturn()).select("form.concern-form"))
        .hasSize(1);
  }

  @Test
  @DisplayName("refuses a concern without a description next to the field, keeping what was typed and storing nothing")
  void concernErrorsInline() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Frida", "Skov"));
    long caseId = cases.get(caseNumber).id();

    MvcResult result = mvc.perform(post("/cases/" + caseNumber + "/concerns").with(as("karen")).with(csrf())
        .param("raisedBy", "SCHOOL").param("description", "   ").param("raisedAt", "2031-01-01T10:00")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#description-error").text()).isEqualTo("Skal udfyldes.");
    assertThat(page.select("#description").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#description").attr("aria-describedby")).isEqualTo("description-error");
    assertThat(page.select("#raisedAt-error").text()).isEqualTo("Må ikke ligge i fremtiden.");
    assertThat(page.select("#raisedAt").val()).isEqualTo("2031-01-01T10:00");
    assertThat(page.select("#raisedBy option[selected]").val()).isEqualTo("SCHOOL");
    assertThat(meetings.concerns(caseId)).isEmpty();
  }

  @Test
  @DisplayName("refuses a concern whose description holds a control character next to the field, storing nothing")
  void concernWithControlCharacter() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Gry", "Dal"));
    long caseId = cases.get(caseNumber).id();

    MvcResult result = mvc.perform(post("/cases/" + caseNumber + "/concerns").with(as("karen")).with(csrf())
        .param("raisedBy", "SCHOOL").param("description", "Kopieret\u0000 tekst")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#description-error").text()).startsWith("Indeholder usynlige styretegn");
    assertThat(page.select("#description").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#description").text()).as("what was typed is kept").startsWith("Kopieret")
        .endsWith(" tekst");
    assertThat(meetings.concerns(caseId)).isEmpty();
  }

  @Test
  @DisplayName("registers a new concern and shows it in the timeline")
  void registersAConcern() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Gustav", "Bech"));

    MvcResult posted = mvc.perform(post("/cases/" + caseNumber + "/concerns").with(as("karen")).with(csrf())
        .param("raisedBy", "FAMILY").param("description", "Mor ringer: Gustav er ikke kommet hjem i nat.")
        .param("raisedAt", "")).andReturn();

    assertThat(posted.getResponse().getStatus()).isEqualTo(302);
    assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNumber + "#concerns");
    Document page = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(page.select("ol.timeline li").first().text()).contains("Ny bekymring fra Familien")
        .contains("Gustav er ikke kommet hjem i nat.");
    assertThat(page.select("#tasks").text()).contains("Møde om ny bekymring");
  }

  @Test
  @DisplayName("speaks English when asked")
  void speaksEnglish() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Hanne", "Friis"));

    Document page = html(mvc.perform(get("/cases/" + caseNumber).param("lang", "en").with(as("karen"))).andReturn());

    assertThat(page.select("html").attr("lang")).isEqualTo("en");
    assertThat(page.select("ol.staircase li.current").text()).contains("Preventive interventions")
        .contains("Current step");
    assertThat(page.select("#deadlines h2").text()).isEqualTo("Deadlines");
  }

  private static Element row(Document page, String table, String header) {
    return page.select(table + " tbody tr").stream()
        .filter(r -> r.select("th").text().equals(header)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + header + " in " + page.select(table).text()));
  }
}
