package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.api.TestFiles;
import dk.trappen.documents.DocumentService;
import dk.trappen.documents.DocumentView;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The case page's documents")
class DocumentsPageTest extends PageTestSupport {

  @Autowired
  private DocumentService documents;

  private Document casePage(String caseNumber, String user) throws Exception {
    MvcResult result = mvc.perform(get("/cases/" + caseNumber).with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return html(result);
  }

  private MvcResult upload(String caseNumber, String user, String fileName, byte[] content, String title, String kind,
      String date) throws Exception {
    return mvc.perform(multipart("/cases/" + caseNumber + "/documents")
        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
        .param("title", title).param("kind", kind).param("date", date).with(as(user)).with(csrf())).andReturn();
  }

  private List<DocumentView> stored(String caseNumber) {
    return documents.documents(cases.get(caseNumber).id());
  }

  @Test
  @DisplayName("a caseworker uploads a PDF with the form: it is stored and listed in a scrolling region with its kind, "
      + "date, checksum and a download link that gives the same bytes")
  void uploadsAndLists() throws Exception {
    String caseNumber = notify(newChild("Lea", "Berg"));
    Document empty = casePage(caseNumber, "karen");
    assertThat(empty.select("#documents").text()).contains("Der er ingen dokumenter på sagen endnu.");
    Element form = empty.selectFirst("form.document-form");
    assertThat(form).isNotNull();
    assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
    assertThat(form.attr("method")).isEqualTo("post");
    assertThat(form.select("input[name=_csrf]")).hasSize(1);
    assertThat(form.select("input#document-file[type=file][name=file]")).hasSize(1);
    assertThat(form.select("label[for=document-file]").text()).isEqualTo("Fil");
    assertThat(form.select("#document-file-hint").text()).contains("højst 20 MB");
    assertThat(form.select("#document-kind option").eachAttr("value"))
        .containsExactly("", "REPORT", "STATEMENT", "EMAIL", "OTHER");
    assertThat(form.select("#document-date").val()).as("starts at today").isEqualTo("2027-03-02");
    assertThat(empty.select("a[href=#documents]")).hasSize(1);

    byte[] pdf = TestFiles.pdf("Udtalelse", 0);
    MvcResult result = upload(caseNumber, "karen", "udtalelse.pdf", pdf, "Udtalelse fra skolen", "STATEMENT",
        "2027-03-01");

    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
    List<DocumentView> saved = stored(caseNumber);
    assertThat(saved).hasSize(1);
    assertThat(result.getResponse().getRedirectedUrl()).endsWith("#document-" + saved.get(0).id());
    Document page = casePage(caseNumber, "karen");
    Element row = page.selectFirst("#document-" + saved.get(0).id());
    assertThat(row).isNotNull();
    assertThat(row.select(".document-title a").text()).isEqualTo("Udtalelse fra skolen");
    assertThat(row.select(".document-kind").text()).isEqualTo("Udtalelse");
    assertThat(row.select(".document-file-name").text()).isEqualTo("udtalelse.pdf");
    assertThat(row.select(".document-checksum").text()).isEqualTo(saved.get(0).sha256());
    Element region = page.selectFirst("#documents .table-scroll");
    assertThat(region.attr("role")).isEqualTo("region");
    assertThat(region.attr("tabindex")).isEqualTo("0");
    assertThat(page.select("#" + region.attr("aria-labelledby"))).hasSize(1);

    String href = row.select(".document-title a").attr("href");
    assertThat(href).isEqualTo("/cases/" + caseNumber + "/documents/" + saved.get(0).id());
    MvcResult download = mvc.perform(get(href).with(as("hanne"))).andReturn();
    assertThat(download.getResponse().getStatus()).isEqualTo(200);
    assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
    assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
  }

  @Test
  @DisplayName("refuses an executable named .pdf and a missing title beside the fields and in a summary, keeping what "
      + "was typed and storing nothing")
  void errorsBesideTheFields() throws Exception {
    String caseNumber = notify(newChild("Ib", "Krog"));

    MvcResult result = upload(caseNumber, "karen", "udtalelse.pdf", TestFiles.elf(), " ", "REPORT", "2027-03-01");

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select("#document-file-error").text()).contains("Filnavnet ender på .pdf");
    assertThat(page.select("#document-title-error").text()).isEqualTo("Skal udfyldes.");
    assertThat(page.select("#document-file").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select(".document-form .error-summary a").eachAttr("href")).contains("#document-file",
        "#document-title");
    assertThat(page.select("#document-kind option[selected]").val()).isEqualTo("REPORT");
    assertThat(stored(caseNumber)).isEmpty();
  }

  @Test
  @DisplayName("filing in error keeps the document listed and marked with the reason; a head sees no forms, and "
      + "another team finds nothing")
  void filedInErrorAndAccess() throws Exception {
    String caseNumber = notify(newChild("Ane", "Mose"));
    upload(caseNumber, "karen", "brev.pdf", TestFiles.pdf("Brev", 0), "Brev fra far", "OTHER", "2027-03-01");
    long id = stored(caseNumber).get(0).id();

    MvcResult noReason = mvc.perform(post("/cases/" + caseNumber + "/documents/" + id + "/filed-in-error")
        .param("reason", "").with(as("karen")).with(csrf())).andReturn();
    assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(noReason).select("#document-" + id + "-reason-error").text()).isNotBlank();

    MvcResult marked = mvc.perform(post("/cases/" + caseNumber + "/documents/" + id + "/filed-in-error")
        .param("reason", "Hører til en anden sag.").with(as("karen")).with(csrf())).andReturn();
    assertThat(marked.getResponse().getStatus()).isEqualTo(302);
    Document page = casePage(caseNumber, "karen");
    Element row = page.selectFirst("#document-" + id);
    assertThat(row.hasClass("filed-in-error")).isTrue();
    assertThat(row.select(".document-filed-in-error").text()).contains("Journaliseret ved en fejl")
        .contains("Hører til en anden sag.");
    assertThat(row.select("form")).isEmpty();

    Document head = casePage(caseNumber, "hanne");
    assertThat(head.select("#documents .document")).hasSize(1);
    assertThat(head.select("#documents form")).isEmpty();
    assertThat(mvc.perform(get("/cases/" + caseNumber + "/documents/" + id).with(as("sofie"))).andReturn()
        .getResponse().getStatus()).isEqualTo(404);
    assertThat(upload(caseNumber, "sofie", "x.pdf", TestFiles.pdf("Syd", 0), "Syd", "OTHER", "2027-03-01")
        .getResponse().getStatus()).isEqualTo(404);
    assertThat(stored(caseNumber)).hasSize(1);
  }
}
