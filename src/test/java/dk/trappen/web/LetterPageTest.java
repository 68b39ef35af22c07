package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.letters.LetterKind;
import dk.trappen.letters.LetterView;
import dk.trappen.letters.LettersService;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/** The case page's letters and the letter draft page: review, edit the reasons, send; a sent letter is frozen. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The letter draft page")
class LetterPageTest extends PageTestSupport {

  @Autowired
  private LettersService letters;

  private LetterView decision(String caseNumber) {
    List<LetterView> all = letters.letters(cases.get(caseNumber).id());
    return all.stream().filter(l -> l.kind() == LetterKind.DECISION).findFirst()
        .orElseThrow(() -> new AssertionError("no decision letter: " + all));
  }

  private Document page(String user, String url, int status) throws Exception {
    MvcResult result = mvc.perform(get(url).with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).as(url).isEqualTo(status);
    return html(result);
  }

  @Test
  @DisplayName("the case page lists the sent receipt and the decision draft; the caseworker writes the reasons, sends "
      + "the letter, and then it shows as sent without a form, and a late edit is refused with 409")
  void reviewEditSend() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Åsa", "Bøgh"));
    LetterView draft = decision(caseNumber);
    String url = "/cases/" + caseNumber + "/letters/" + draft.id();

    Document casePage = page("karen", "/cases/" + caseNumber, 200);
    assertThat(casePage.select("#letters").text()).contains("Afgørelse om forebyggende indsatser").contains("Kladde")
        .contains("Kvittering for modtagelse af underretning").contains("Sendt");
    assertThat(casePage.select("#letters a[href=" + url + "]")).hasSize(1);
    assertThat(casePage.select("#letters a[href=/cases/" + caseNumber + "/plan.pdf]")).hasSize(1);

    Document draftPage = page("karen", url, 200);
    assertThat(draftPage.select("h1").text()).isEqualTo("Afgørelse om forebyggende indsatser");
    assertThat(draftPage.select("#letter-reasons")).hasSize(1);
    assertThat(draftPage.select("#letter-reasons-error").text()).contains("begrundelsen");

    MvcResult saved = mvc.perform(post(url).with(as("karen")).with(csrf())
        .param("reasons", "Familien har bedt om hjælp.").param("freeText", "")).andReturn();
    assertThat(saved.getResponse().getStatus()).isEqualTo(302);
    assertThat(decision(caseNumber).reasons()).isEqualTo("Familien har bedt om hjælp.");

    MvcResult sent = mvc.perform(post(url + "/send").with(as("karen")).with(csrf())).andReturn();
    assertThat(sent.getResponse().getStatus()).isEqualTo(302);
    Document sentPage = page("karen", url, 200);
    assertThat(sentPage.select("#letter-status").text()).startsWith("Sendt");
    assertThat(sentPage.select("#letter-reasons")).isEmpty();
    assertThat(sentPage.text()).contains("Familien har bedt om hjælp.");

    MvcResult late = mvc.perform(post(url).with(as("karen")).with(csrf()).param("reasons", "Ændret.")).andReturn();
    assertThat(late.getResponse().getStatus()).isEqualTo(409);
    assertThat(decision(caseNumber).reasons()).isEqualTo("Familien har bedt om hjælp.");
  }

  @Test
  @DisplayName("the head of department reads the draft page without forms; intake and another team get not found")
  void whoSeesThePage() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Emil", "Ørsted"));
    String url = "/cases/" + caseNumber + "/letters/" + decision(caseNumber).id();

    Document head = page("hanne", url, 200);
    assertThat(head.select("form")).as("no form for a head: " + head.select("form")).allMatch(
        f -> !f.attr("action").contains("/letters/"));
    page("ida", url, 404);
    page("sofie", url, 404);
    MvcResult pdf = mvc.perform(get(url + "/pdf").with(as("karen"))).andReturn();
    assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
    assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
  }
}
