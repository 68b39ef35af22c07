package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.journal.JournalService;
import dk.trappen.journal.NewJournalEntry;
import dk.trappen.parties.NewConsent;
import dk.trappen.parties.NewParty;
import dk.trappen.parties.PartiesService;
import dk.trappen.parties.PartyView;
import dk.trappen.tasks.TaskView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
@DisplayName("The case page's parties and consent, and what the step choice shows of them")
class PartiesPageTest extends PageTestSupport {

  @Autowired
  private PartiesService parties;
  @Autowired
  private JournalService journal;

  private Document page(String url, String user) throws Exception {
    MvcResult result = mvc.perform(get(url).with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return html(result);
  }

  private List<PartyView> stored(String caseNumber) {
    return parties.parties(cases.get(caseNumber).id());
  }

  @Test
  @DisplayName("a caseworker adds a mother with a protected address and records her consent: listed with role, "
      + "custody and 'Beskyttet adresse', never the address")
  void addsAPartyAndAConsent() throws Exception {
    String caseNumber = notify(newChild("Bo", "Lund"));
    Document empty = page("/cases/" + caseNumber, "karen");
    assertThat(empty.select("nav.case-toc a[href=#parties]").text()).isEqualTo("Parter og samtykke");
    assertThat(empty.select("#parties").text()).contains("Der er ingen parter på sagen endnu.");
    assertThat(empty.select("label[for=party-name]").text()).isEqualTo("Navn");
    assertThat(empty.select("form.consent-form")).as("no party to consent yet").isEmpty();

    MvcResult added = mvc.perform(post("/cases/" + caseNumber + "/parties").with(as("karen")).with(csrf())
        .param("role", "MOTHER").param("name", "Mette Lund").param("custody", "true").param("cpr", "0101804321")
        .param("address", "Skjult Vej 3").param("protectedAddress", "true").param("phone", "12345678")).andReturn();

    assertThat(added.getResponse().getStatus()).isEqualTo(302);
    List<PartyView> saved = stored(caseNumber);
    assertThat(saved).hasSize(1);
    assertThat(added.getResponse().getRedirectedUrl()).endsWith("#party-" + saved.get(0).id());

    MvcResult consented = mvc.perform(post("/cases/" + caseNumber + "/consents").with(as("karen")).with(csrf())
        .param("partyId", String.valueOf(saved.get(0).id())).param("purpose", "Oplysninger fra skolen")
        .param("state", "GIVEN").param("happenedAt", "2027-03-01T10:00").param("documentation", "ORAL_NOTED"))
        .andReturn();
    assertThat(consented.getResponse().getStatus()).isEqualTo(302);

    Document page = page("/cases/" + caseNumber, "karen");
    Element row = page.select("#party-" + saved.get(0).id()).first();
    assertThat(row).isNotNull();
    assertThat(row.select(".party-role").text()).isEqualTo("Mor");
    assertThat(row.select(".party-custody").text()).isEqualTo("Har forældremyndighed");
    assertThat(row.select(".protected-address").text()).isEqualTo("Beskyttet adresse");
    assertThat(row.select(".party-cpr").text()).isEqualTo("010180-xxxx");
    assertThat(row.select(".consent").text()).contains("Givet").contains("Oplysninger fra skolen")
        .contains("Mundtligt, noteret");
    assertThat(page.html()).doesNotContain("Skjult Vej").doesNotContain("0101804321");
    Element region = page.select("#parties .table-scroll").first();
    assertThat(region.attr("role")).isEqualTo("region");
    assertThat(region.attr("tabindex")).isEqualTo("0");
    assertThat(page.select("#" + region.attr("aria-labelledby"))).hasSize(1);
    assertThat(page.select("#consent-partyId option[value=" + saved.get(0).id() + "]").text())
        .isEqualTo("Mette Lund (Mor)");
  }

  @Test
  @DisplayName("refuses a party without a name and with a bad e-mail, beside each field and in a summary, keeping "
      + "what was typed and storing nothing")
  void errorsBesideTheFields() throws Exception {
    String caseNumber = notify(newChild("Sif", "Dahl"));

    MvcResult result = mvc.perform(post("/cases/" + caseNumber + "/parties").with(as("karen")).with(csrf())
        .param("role", "FATHER").param("name", " ").param("email", "far.example.dk").param("phone", "9876"))
        .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#party-name-error").text()).isEqualTo("Skal udfyldes.");
    assertThat(page.select("#party-email-error").text()).isEqualTo("Er ikke en gyldig e-mailadresse.");
    assertThat(page.select("#party-email").attr("aria-describedby")).isEqualTo("party-email-error");
    assertThat(page.select("#party-email").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#party-email").val()).isEqualTo("far.example.dk");
    assertThat(page.select("#party-phone").val()).isEqualTo("9876");
    assertThat(page.select("#party-role option[selected]").val()).isEqualTo("FATHER");
    assertThat(page.select(".party-form .error-summary a").eachAttr("href"))
        .containsExactly("#party-name", "#party-email");
    assertThat(stored(caseNumber)).isEmpty();
  }

  @Test
  @DisplayName("refuses a consent with no purpose, a time in the future and no way of documenting it, beside each "
      + "field and in a summary, storing nothing")
  void consentErrorsBesideTheFields() throws Exception {
    String caseNumber = notify(newChild("Rie", "Kjær"));
    long father = parties.add(cases.get(caseNumber),
        new NewParty("FATHER", "Jon Kjær", true, null, null, null, null, false), "karen").id();

    MvcResult result = mvc.perform(post("/cases/" + caseNumber + "/consents").with(as("karen")).with(csrf())
        .param("partyId", String.valueOf(father)).param("purpose", " ").param("state", "GIVEN")
        .param("happenedAt", "2031-01-01T10:00").param("documentation", "")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#consent-purpose-error").text()).isEqualTo("Skriv, hvad samtykket gælder.");
    assertThat(page.select("#consent-happenedAt-error").text()).isEqualTo("Må ikke ligge i fremtiden.");
    assertThat(page.select("#consent-documentation-error").text()).isEqualTo("Vælg en af mulighederne.");
    assertThat(page.select("#consent-happenedAt").attr("aria-describedby"))
        .isEqualTo("consent-happenedAt-hint consent-happenedAt-error");
    assertThat(page.select("#consent-happenedAt").val()).isEqualTo("2031-01-01T10:00");
    assertThat(page.select("#consent-partyId option[selected]").val()).isEqualTo(String.valueOf(father));
    assertThat(page.select(".consent-form .error-summary a").eachAttr("href"))
        .containsExactly("#consent-purpose", "#consent-happenedAt", "#consent-documentation");
    assertThat(stored(caseNumber).get(0).consents()).isEmpty();
  }

  @Test
  @DisplayName("a head of department sees the parties but no forms")
  void headSeesNoForms() throws Exception {
    String caseNumber = notify(newChild("Eva", "Berg"));
    parties.add(cases.get(caseNumber), new NewParty("FATHER", "Ole Berg", false, null, "Vej 9", null, null, false),
        "karen");

    Document page = page("/cases/" + caseNumber, "hanne");

    assertThat(page.select("#parties .party-name").text()).contains("Ole Berg");
    assertThat(page.select("#parties .party-address").text()).isEqualTo("Vej 9");
    assertThat(page.select("form.party-form")).isEmpty();
    assertThat(page.select("form.consent-form")).isEmpty();
  }

  @Test
  @DisplayName("the step choice shows each custody holder's latest consent and that no conversation with the child "
      + "was held, until one is in the journal")
  void stepChoiceShowsConsentAndChildConversation() throws Exception {
    String caseNumber = notify(newChild("Ina", "Friis"));
    later(1);
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    later(24);
    complete(caseNumber, "Task_Investigation", "karen", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
    var c = cases.get(caseNumber);
    long mother = parties.add(c, new NewParty("MOTHER", "Lene Friis", true, null, null, null, null, false), "karen")
        .id();
    parties.add(c, new NewParty("CUSTODY_HOLDER", "Kim Friis", null, null, null, null, null, true), "karen");
    parties.add(c, new NewParty("SIBLING", "Bror Friis", false, null, null, null, null, false), "karen");
    parties.record(c, new NewConsent(mother, "Samarbejde med skolen", "GIVEN", now().minus(Duration.ofDays(2)),
        "WRITTEN", null), "karen");
    parties.record(c, new NewConsent(mother, "Samarbejde med skolen", "WITHDRAWN", now().minus(Duration.ofHours(1)),
        "DIGITAL", null), "karen");
    TaskView task = tasks.tasksOfCase(caseNumber).stream().filter(t -> "Task_ChooseStep".equals(t.taskKey()))
        .findFirst().orElseThrow();

    Document form = page("/tasks/" + task.id(), "karen");

    Element facts = form.select("#step-consent").first();
    assertThat(facts).isNotNull();
    assertThat(facts.select(".custody-consents li")).hasSize(2);
    assertThat(facts.select(".custody-consents li").get(0).text()).contains("Lene Friis (Mor)")
        .contains("Trukket tilbage").contains("Samarbejde med skolen");
    assertThat(facts.select(".custody-consents li").get(1).text()).contains("Kim Friis (Forældremyndighedsindehaver)")
        .contains("Intet samtykke registreret");
    assertThat(facts.text()).doesNotContain("Bror Friis");
    assertThat(facts.select(".child-conversation-missing").text())
        .contains("Der er ikke holdt en børnesamtale på sagen");

    journal.write(c, new NewJournalEntry("CHILD_CONVERSATION", now().minus(Duration.ofHours(2)), "Samtale med Ina."),
        "karen");
    Document after = page("/tasks/" + task.id(), "karen");
    assertThat(after.select(".child-conversation-missing")).isEmpty();
    assertThat(after.select("#step-consent").text()).contains("Der er holdt en børnesamtale på sagen.");
  }
}
