package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.FlashMap;

/**
 * The oversight page and the API read the {@code state} filter with one parser and one refusal code, and the page's
 * reassignment forms answer with the same policy's problems as the API, in the user's language.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The oversight page's filter and reassignment forms follow the same rules as the API")
class OversightFormsPageTest extends PageTestSupport {

  @Test
  @DisplayName("an unknown state filter: the API and the CSV answer 400 naming state with problem.oversight.state, "
      + "the page says the filter is unknown and lists both states, as without a filter")
  void unknownStateFilter() throws Exception {
    notify(newChild("Nanna", "Dahl"));
    later(25);

    MvcResult api = mvc.perform(get("/api/oversight/deadlines").param("state", "late").with(as("birgitte")))
        .andReturn();
    assertThat(api.getResponse().getStatus()).isEqualTo(400);
    JsonNode problem = json.readTree(api.getResponse().getContentAsString()).path("problems").get(0);
    assertThat(problem.path("field").asText()).isEqualTo("state");
    assertThat(problem.path("code").asText()).isEqualTo("problem.oversight.state");
    MvcResult csv = mvc.perform(get("/oversight/late.csv").param("state", "late").with(as("birgitte"))).andReturn();
    assertThat(csv.getResponse().getStatus()).isEqualTo(400);
    assertThat(csv.getResponse().getContentAsString()).contains("problem.oversight.state");

    Document bad = html(mvc.perform(get("/oversight").param("state", "late").with(as("birgitte"))).andReturn());
    Document both = html(mvc.perform(get("/oversight").with(as("birgitte"))).andReturn());
    assertThat(bad.select("ul.error[role=alert] li").eachText())
        .containsExactly("Filteret »late« kendes ikke (kun overskredne eller i fare). Listen viser begge.");
    assertThat(bad.selectFirst("#late-heading").text()).isEqualTo(both.selectFirst("#late-heading").text())
        .doesNotContain("(0)");
    assertThat(bad.selectFirst("#state option[selected]").val()).isEmpty();
    assertThat(both.select("ul.error")).isEmpty();
  }

  @Test
  @DisplayName("the cases form with nothing chosen and a caseworker of another team shows both of the policy's "
      + "problems in Danish on the overview, and moves nothing")
  void reassignFormShowsEveryProblem() throws Exception {
    String caseNumber = notify(newChild("Otto", "Krag"));
    String before = cases.get(caseNumber).caseworker();

    MvcResult posted = mvc.perform(post("/oversight/reassign-cases").param("caseworker", "sofie")
        .with(as("birgitte")).with(csrf())).andReturn();
    assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/oversight");
    FlashMap flash = posted.getFlashMap();
    assertThat(flash.get("problems")).isEqualTo(List.of("Vælg mindst én sag.",
        "»sofie« er ikke sagsbehandler i teamet."));
    Document page = html(mvc.perform(get("/oversight").flashAttrs(flash).with(as("birgitte"))).andReturn());
    assertThat(page.select("ul.error[role=alert] li").eachText())
        .containsExactly("Vælg mindst én sag.", "»sofie« er ikke sagsbehandler i teamet.");

    MvcResult wrongPerson = mvc.perform(post("/oversight/reassign-cases").param("caseNumbers", caseNumber)
        .param("caseworker", "sofie").with(as("birgitte")).with(csrf())).andReturn();
    assertThat(wrongPerson.getFlashMap().get("problems"))
        .isEqualTo(List.of("»sofie« er ikke sagsbehandler i teamet."));
    assertThat(cases.get(caseNumber).caseworker()).isEqualTo(before);
  }
}
