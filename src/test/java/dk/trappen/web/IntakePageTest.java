package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The intake form")
class IntakePageTest extends PageTestSupport {

  @Test
  @DisplayName("starts with the time received set to now in Copenhagen and the user's team chosen")
  void defaults() throws Exception {
    Document page = html(mvc.perform(get("/intake").with(as("karen"))).andReturn());

    assertThat(page.select("#receivedAt").val()).isEqualTo("2027-03-02T09:00");
    assertThat(page.select("#team option[selected]").val()).isEqualTo("nord");
    assertThat(page.select("label[for=cpr]").text()).isEqualTo("CPR-nummer");
    assertThat(page.select("#notifierKind optgroup")).hasSize(2);
  }

  @Test
  @DisplayName("with bad input comes back with each error next to its field, everything typed kept, nothing stored")
  void badInput() throws Exception {
    long openBefore = cases.countOpen();

    MvcResult result = mvc.perform(post("/intake").with(as("ida")).with(csrf())
        .param("cpr", "12345").param("firstName", "Alfred").param("lastName", "")
        .param("birthDate", "2013-02-30").param("notifierKind", "")
        .param("notifierOrganisation", "Vestre Skole").param("notifierName", "")
        .param("concern", "Meget fravær; ingen mad derhjemme.").param("receivedAt", "2027-03-02T08:30")
        .param("team", "nord")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#cpr-error").text()).isEqualTo("Skal være 10 cifre (ddmmååxxxx).");
    assertThat(page.select("#cpr").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#cpr").attr("aria-describedby")).contains("cpr-error");
    assertThat(page.select("#lastName-error").text()).isEqualTo("Skal udfyldes.");
    assertThat(page.select("#birthDate-error").text()).isEqualTo("Skriv en gyldig dato.");
    assertThat(page.select("#notifierKind-error").text()).isEqualTo("Vælg en af mulighederne.");
    assertThat(page.select("#firstName-error")).isEmpty();
    assertThat(page.select("#firstName").hasAttr("aria-invalid")).isFalse();
    assertThat(page.select(".error-summary li")).hasSize(4);
    assertThat(page.select(".error-summary a").first().attr("href")).isEqualTo("#cpr");

    assertThat(page.select("#cpr").val()).isEqualTo("12345");
    assertThat(page.select("#firstName").val()).isEqualTo("Alfred");
    assertThat(page.select("#birthDate").val()).isEqualTo("2013-02-30");
    assertThat(page.select("#notifierOrganisation").val()).isEqualTo("Vestre Skole");
    assertThat(page.select("#concern").text()).isEqualTo("Meget fravær; ingen mad derhjemme.");
    assertThat(page.select("#receivedAt").val()).isEqualTo("2027-03-02T08:30");
    assertThat(page.select("#team option[selected]").val()).isEqualTo("nord");
    assertThat(cases.countOpen()).isEqualTo(openBefore);
  }

  @Test
  @DisplayName("shows the intake service's objections next to their fields: CPR against birth date, organisation of a "
      + "professional, a time in the future")
  void serviceObjections() throws Exception {
    TestChild child = newChild("Bo", "Lind");

    MvcResult result = mvc.perform(form(child, Map.of("birthDate", child.birthDate().plusDays(1).toString(),
        "notifierKind", "POLICE", "notifierOrganisation", ""))).andReturn();
    MvcResult future = mvc.perform(form(child, Map.of("receivedAt", "2027-03-02T10:00"))).andReturn();
    MvcResult together = mvc.perform(form(child, Map.of("birthDate", child.birthDate().plusDays(1).toString(),
        "notifierKind", "POLICE", "notifierOrganisation", "", "lastName", ""))).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#cpr-error").text()).isEqualTo("Passer ikke med fødselsdatoen.");
    assertThat(page.select("#notifierOrganisation-error").text()).startsWith("Skal udfyldes for en fagperson");
    assertThat(page.select("#notifierOrganisation").attr("aria-describedby"))
        .isEqualTo("notifierOrganisation-hint notifierOrganisation-error");
    assertThat(page.select("#notifierKind option[selected]").val()).isEqualTo("POLICE");
    assertThat(html(future).select("#receivedAt-error").text()).isEqualTo("Må ikke ligge i fremtiden.");
    Document all = html(together);
    assertThat(all.select(".field-error").eachAttr("id")).as("every error at once")
        .containsExactly("cpr-error", "lastName-error", "notifierOrganisation-error");
    assertThat(cases.casesOfChild(child.cpr())).isEmpty();
  }

  @Test
  @DisplayName("refuses control characters next to each field that holds one, keeping what was typed")
  void controlCharacters() throws Exception {
    TestChild child = newChild("Hugo", "Krog");

    MvcResult result = mvc.perform(form(child, Map.of("firstName", "Hu\u0000go",
        "concern", "Sulten\u001B[0m i skole.", "notifierName", "Lærer\tHansen"))).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select(".field-error").eachAttr("id")).containsExactly("firstName-error", "concern-error");
    assertThat(page.select("#firstName-error").text()).startsWith("Indeholder usynlige styretegn");
    assertThat(page.select("#firstName").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#concern-error").text()).startsWith("Indeholder usynlige styretegn");
    assertThat(page.select("#firstName").val()).as("what was typed is kept").startsWith("Hu").endsWith("go");
    assertThat(page.select("#concern").text()).startsWith("Sulten").endsWith("i skole.");
    assertThat(page.select("#cpr").val()).isEqualTo(child.cpr());
    assertThat(cases.casesOfChild(child.cpr())).isEmpty();
  }

  @Test
  @DisplayName("registers a valid notification, opens a case and shows the case page with a message")
  void registers() throws Exception {
    TestChild child = newChild("Cecilie", "Holt");

    MvcResult result = mvc.perform(form(child)).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    String caseNumber = cases.casesOfChild(child.cpr()).get(0).caseNumber();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNumber);
    assertThat(result.getFlashMap().get("flash")).asString().contains(caseNumber).contains("oprettet");

    MvcResult again = mvc.perform(form(child)).andReturn();
    assertThat(again.getFlashMap().get("flash")).asString().contains("allerede registreret");
    assertThat(cases.casesOfChild(child.cpr())).hasSize(1);
  }

  @Test
  @DisplayName("warns, while the CPR number is typed, that the child already has a case, naming and linking it")
  void duplicateChildWarning() throws Exception {
    TestChild child = newChild("Dagmar", "Møller");
    String caseNumber = notify(child);

    MvcResult known = mvc.perform(get("/intake/child-check").param("cpr", child.formattedCpr()).with(as("ida"))
        .header("HX-Request", "true")).andReturn();
    MvcResult unknown = mvc.perform(get("/intake/child-check").param("cpr", newChild("X", "Y").cpr())
        .with(as("ida"))).andReturn();

    Document warning = html(known);
    assertThat(warning.select(".child-check.known")).hasSize(1);
    assertThat(warning.text()).contains("barnet er allerede kendt").contains(caseNumber).contains("(åben)")
        .contains("én underretning").contains("tilknyttet");
    assertThat(warning.select("a[href=/cases/" + caseNumber + "]")).hasSize(1);
    assertThat(warning.select("form")).as("only the fragment").isEmpty();
    assertThat(html(unknown).text()).contains("Ingen sager om barnet, som du har adgang til.");

    Document syd = html(mvc.perform(get("/intake/child-check").param("cpr", child.cpr()).with(as("sofie")))
        .andReturn());
    assertThat(syd.text()).as("another team's case is not revealed").doesNotContain(caseNumber)
        .contains("Ingen sager om barnet, som du har adgang til.");
  }

  @Test
  @DisplayName("speaks English when asked")
  void english() throws Exception {
    Document page = html(mvc.perform(get("/intake").param("lang", "en").with(as("ida"))).andReturn());

    assertThat(page.select("h1").text()).isEqualTo("New notification");
    assertThat(page.select("label[for=notifierKind]").text()).isEqualTo("Who is notifying?");
  }

  private MockHttpServletRequestBuilder form(TestChild child) {
    return form(child, Map.of());
  }

  /** A valid form about the child, with some fields typed differently. */
  private MockHttpServletRequestBuilder form(TestChild child, Map<String, String> overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("cpr", child.cpr());
    fields.put("firstName", child.firstName());
    fields.put("lastName", child.lastName());
    fields.put("birthDate", child.birthDate().toString());
    fields.put("notifierKind", "SCHOOL");
    fields.put("notifierOrganisation", "Nørre Skole");
    fields.put("notifierName", "Lærer Hansen");
    fields.put("concern", "Kommer ofte sulten i skole.");
    fields.put("receivedAt", "2027-03-02T08:30");
    fields.put("team", "nord");
    fields.putAll(overrides);
    MockHttpServletRequestBuilder request = post("/intake").with(as("ida")).with(csrf());
    fields.forEach(request::param);
    return request;
  }
}
