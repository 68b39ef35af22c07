package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.journal.JournalEntryView;
import dk.trappen.journal.JournalService;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
@DisplayName("The case page's journal")
class JournalPageTest extends PageTestSupport {

  @Autowired
  private JournalService journal;

  private Document casePage(String caseNumber, String user) throws Exception {
    MvcResult result = mvc.perform(get("/cases/" + caseNumber).with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return html(result);
  }

  private MvcResult add(String caseNumber, String user, String kind, String happenedAt, String text) throws Exception {
    return mvc.perform(post("/cases/" + caseNumber + "/journal").with(as(user)).with(csrf())
        .param("kind", kind).param("happenedAt", happenedAt).param("text", text)).andReturn();
  }

  private List<JournalEntryView> entries(String caseNumber) {
    return journal.entries(cases.get(caseNumber).id());
  }

  @Test
  @DisplayName("a caseworker adds a phone call: it is stored, listed with kind, times and author, and on the timeline")
  void addsAnEntry() throws Exception {
    String caseNumber = notify(newChild("Hans", "Vang"));
    Document empty = casePage(caseNumber, "karen");
    assertThat(empty.select("#journal").text()).contains("Der er ingen journalnotater på sagen endnu.");
    assertThat(empty.select("#journal-happenedAt").val()).as("starts at now").isEqualTo("2027-03-02T09:00");
    assertThat(empty.select("label[for=journal-text]").text()).isEqualTo("Notat");

    MvcResult result = add(caseNumber, "karen", "PHONE_CALL", "2027-03-02T08:30", "Mor ringede om skolen.");

    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    List<JournalEntryView> stored = entries(caseNumber);
    assertThat(stored).hasSize(1);
    assertThat(result.getResponse().getRedirectedUrl()).endsWith("#journal-" + stored.get(0).id());
    Document page = casePage(caseNumber, "karen");
    Element entry = page.select("#journal-" + stored.get(0).id()).first();
    assertThat(entry).isNotNull();
    assertThat(entry.select("h3").text()).isEqualTo("Telefonsamtale");
    assertThat(entry.select(".journal-text").first().text()).isEqualTo("Mor ringede om skolen.");
    assertThat(entry.select(".journal-meta").first().text()).contains("Skete 2. mar. 2027").contains("af Karen");
    assertThat(page.select("ol.timeline").text()).contains("Journalnotat: Telefonsamtale");
  }

  @Test
  @DisplayName("refuses an entry with no kind, a time in the future and no text, in Danish beside each field and in a "
      + "summary, keeping what was typed and storing nothing")
  void errorsBesideTheFields() throws Exception {
    String caseNumber = notify(newChild("Ida", "Holt"));

    MvcResult result = add(caseNumber, "karen", "", "2031-01-01T10:00", "   ");

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#journal-kind-error").text()).isEqualTo("Vælg en af mulighederne.");
    assertThat(page.select("#journal-happenedAt-error").text()).isEqualTo("Må ikke ligge i fremtiden.");
    assertThat(page.select("#journal-text-error").text()).isEqualTo("Skal udfyldes.");
    assertThat(page.select("#journal-text").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#journal-text").attr("aria-describedby")).isEqualTo("journal-text-error");
    assertThat(page.select("#journal-happenedAt").attr("aria-describedby"))
        .isEqualTo("journal-happenedAt-hint journal-happenedAt-error");
    assertThat(page.select("#journal-happenedAt").val()).isEqualTo("2031-01-01T10:00");
    assertThat(page.select(".journal-form .error-summary a").eachAttr("href"))
        .containsExactlyInAnyOrder("#journal-kind", "#journal-happenedAt", "#journal-text");
    assertThat(entries(caseNumber)).isEmpty();

    MvcResult unknown = add(caseNumber, "karen", "SMOKE_SIGNAL", "2027-03-02T08:30", "Tekst\u0000");
    assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(unknown).select("#journal-kind-error").text()).isEqualTo("Vælg en af mulighederne.");
    assertThat(html(unknown).select("#journal-text-error").text()).startsWith("Indeholder usynlige styretegn");
    assertThat(entries(caseNumber)).isEmpty();
  }

  @Test
  @DisplayName("a correction from the page keeps the old version, shown as corrected with who and when; a correction "
      + "without a reason is refused beside the field")
  void correctsAnEntry() throws Exception {
    String caseNumber = notify(newChild("Jon", "Bro"));
    add(caseNumber, "karen", "HOME_VISIT", "2027-03-02T08:00", "Far var hjemme.");
    long id = entries(caseNumber).get(0).id();
    String url = "/cases/" + caseNumber + "/journal/" + id + "/corrections";

    MvcResult noReason = mvc.perform(post(url).with(as("lars")).with(csrf()).param("kind", "HOME_VISIT")
        .param("happenedAt", "2027-03-02T08:00").param("text", "Mor var hjemme.")).andReturn();
    assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
    Document refused = html(noReason);
    String p = "#correct-" + id + "-";
    assertThat(refused.select(p + "reason-error").text()).isEqualTo("Skriv, hvorfor notatet rettes.");
    assertThat(refused.select(p + "text").text()).isEqualTo("Mor var hjemme.");
    assertThat(refused.select("details.journal-correct[open]")).hasSize(1);
    assertThat(entries(caseNumber)).hasSize(1);

    later(1);
    MvcResult done = mvc.perform(post(url).with(as("lars")).with(csrf()).param("kind", "HOME_VISIT")
        .param("happenedAt", "2027-03-02T08:00").param("text", "Mor var hjemme.")
        .param("reason", "Det var mor, ikke far.")).andReturn();
    assertThat(done.getResponse().getStatus()).isEqualTo(302);

    Element entry = casePage(caseNumber, "karen").select("#journal-" + id).first();
    assertThat(entry.select(".journal-text").first().text()).isEqualTo("Mor var hjemme.");
    assertThat(entry.select(".journal-reason").text()).contains("Det var mor, ikke far.");
    Element old = entry.select(".journal-corrected").first();
    assertThat(old.text()).contains("Far var hjemme.").contains("Rettet 2. mar. 2027").contains("af Lars");

    MvcResult again = mvc.perform(post(url).with(as("karen")).with(csrf()).param("kind", "NOTE")
        .param("happenedAt", "2027-03-02T08:00").param("text", "Igen.").param("reason", "Igen.")).andReturn();
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(html(again).select("#journal > p.error").text()).contains("rettet af en anden");
    assertThat(entries(caseNumber)).hasSize(2);
  }

  @Test
  @DisplayName("a head reads the journal without any form; intake's view of the case has no journal")
  void headReadsIntakeSeesNothing() throws Exception {
    String caseNumber = notify(newChild("Kaj", "Sand"));
    add(caseNumber, "karen", "NOTE", "2027-03-02T08:30", "Et notat.");

    Document head = casePage(caseNumber, "hanne");
    assertThat(head.select("#journal .journal-text").text()).isEqualTo("Et notat.");
    assertThat(head.select("#journal form")).isEmpty();

    Document intakeView = casePage(caseNumber, "ida");
    assertThat(intakeView.select("#journal")).isEmpty();
    assertThat(intakeView.text()).doesNotContain("Et notat.");
    assertThat(add(caseNumber, "ida", "NOTE", "2027-03-02T08:30", "Intake.").getResponse().getStatus())
        .isEqualTo(404);
    assertThat(add(caseNumber, "sofie", "NOTE", "2027-03-02T08:30", "Syd.").getResponse().getStatus())
        .isEqualTo(404);
    assertThat(entries(caseNumber)).hasSize(1);
  }
}
