package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Documents on the case over the API: the upload's checks (each refused naming the field and the problem, nothing
 * stored), a good PDF stored, listed, downloaded byte for byte with its checksum and audited, who may see documents,
 * and filing in error. The size limit is small here ({@code trappen.documents.max-size=64KB}), so that "too large"
 * needs no 20 MB.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "trappen.documents.max-size=64KB")
@DisplayName("Documents on the case over the API")
class DocumentsApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  @Autowired
  private AuditService audit;
  @Autowired
  private JdbcTemplate jdbc;

  /** A new case of team nord. */
  private String newCase() throws Exception {
    String cpr = "121112" + (7000 + SERIAL.incrementAndGet());
    Response r = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Bo", "lastName", "Nord", "birthDate", "2012-11-12"),
        "notifierKind", "RELATIVE", "concern", "Bekymring.", "receivedAt", now().minus(Duration.ofHours(1)).toString(),
        "team", "nord"));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().path("caseNumber").asText();
  }

  private static MockMultipartHttpServletRequestBuilder upload(String caseNumber, String fileName, byte[] content,
      String title, String kind, String date) {
    MockMultipartHttpServletRequestBuilder request = multipart("/api/cases/" + caseNumber + "/documents");
    if (content != null) {
      request.file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
    }
    if (title != null) {
      request.param("title", title);
    }
    if (kind != null) {
      request.param("kind", kind);
    }
    if (date != null) {
      request.param("date", date);
    }
    request.header("X-Requested-With", "test");
    return request;
  }

  private Response upload(String user, String caseNumber, String fileName, byte[] content) throws Exception {
    return call(user, upload(caseNumber, fileName, content, "Udtalelse fra skolen", "STATEMENT", "2027-03-01"));
  }

  /** Documents and contents stored in this context's database. */
  private long stored() {
    Long documents = jdbc.queryForObject("select count(*) from document", Long.class);
    Long contents = jdbc.queryForObject("select count(*) from document_content", Long.class);
    assertThat(contents).isEqualTo(documents);
    return documents;
  }

  private List<JsonNode> documents(String user, String caseNumber) throws Exception {
    Response r = getJson(user, "/api/cases/" + caseNumber + "/documents");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.body().forEach(list::add);
    return list;
  }

  /** Asserts a 400 with one problem of {@code field} with {@code code}, and that nothing was stored. */
  private JsonNode refused(Response r, long before, String field, String code) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(400);
    assertThat(r.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/invalid-input");
    JsonNode problem = null;
    for (JsonNode p : r.body().path("problems")) {
      if (p.path("code").asText().equals(code)) {
        problem = p;
      }
    }
    assertThat(problem).as(code + " in " + r.body()).isNotNull();
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(r.body().path("errors").path(field).asText()).isNotBlank();
    assertThat(stored()).as("nothing stored").isEqualTo(before);
    return problem;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  @DisplayName("a good PDF is stored with its detected type and checksum, listed, downloaded byte for byte as an "
      + "attachment that is not sniffed, and the upload and the download are audited")
  void storesListsAndDownloadsAPdf() throws Exception {
    String caseNumber = newCase();
    byte[] pdf = TestFiles.pdf("Skolens udtalelse", 0);
    long before = stored();

    Response created = call("karen", upload(caseNumber, "Udtalelse skole.pdf", pdf, "Udtalelse fra skolen",
        "STATEMENT", "2027-03-01"));

    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(stored()).isEqualTo(before + 1);
    JsonNode d = created.body();
    long id = d.path("id").asLong();
    assertThat(d.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(d.path("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(d.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(d.path("kind").asText()).isEqualTo("STATEMENT");
    assertThat(d.path("date").asText()).isEqualTo("2027-03-01");
    assertThat(d.path("storedBy").asText()).isEqualTo("karen");
    assertThat(d.path("filedInError").asBoolean()).isFalse();

    List<JsonNode> list = documents("lars", caseNumber);
    assertThat(list).extracting(n -> n.path("id").asLong()).containsExactly(id);
    assertThat(list.get(0).path("title").asText()).isEqualTo("Udtalelse fra skolen");
    assertThat(list.get(0).path("sha256").asText()).isEqualTo(sha256(pdf));

    MvcResult download = mvc.perform(get("/api/documents/" + id).with(httpBasic("lars", TestStaff.PASSWORD)))
        .andReturn();
    assertThat(download.getResponse().getStatus()).isEqualTo(200);
    byte[] body = download.getResponse().getContentAsByteArray();
    assertThat(body).isEqualTo(pdf);
    assertThat(sha256(body)).isEqualTo(list.get(0).path("sha256").asText());
    assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
    assertThat(download.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment; filename=\"Udtalelse_skole.pdf\"").contains("filename*=UTF-8''Udtalelse%20skole.pdf");
    assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

    String trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit").body().toString();
    assertThat(trail).contains("documents: upload").contains("documents: download of document " + id);
  }

  @Test
  @DisplayName("a Word document (.docx) is stored as one; a head of department reads and downloads documents but "
      + "uploads none")
  void storesAWordDocumentAndAHeadReads() throws Exception {
    String caseNumber = newCase();
    Response created = upload("karen", caseNumber, "Rapport.docx", TestFiles.docx());
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(created.body().path("mediaType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    assertThat(documents("hanne", caseNumber)).hasSize(1);
    MvcResult download = mvc.perform(get("/api/documents/" + created.body().path("id").asLong())
        .with(httpBasic("hanne", TestStaff.PASSWORD))).andReturn();
    assertThat(download.getResponse().getStatus()).isEqualTo(200);
    assertThat(upload("hanne", caseNumber, "b.pdf", TestFiles.pdf("x", 0)).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("refuses a file of 0 bytes, naming the file")
  void refusesAnEmptyFile() throws Exception {
    String caseNumber = newCase();
    long before = stored();
    refused(upload("karen", caseNumber, "tom.pdf", new byte[0]), before, "file", "problem.documents.file.empty");
  }

  @Test
  @DisplayName("refuses a file over trappen.documents.max-size, naming the file and the limit")
  void refusesAFileOverTheLimit() throws Exception {
    String caseNumber = newCase();
    long before = stored();
    byte[] big = TestFiles.pdf("Stor", 65 * 1024);
    JsonNode problem = refused(upload("karen", caseNumber, "stor.pdf", big), before, "file",
        "problem.documents.file.tooLarge");
    assertThat(problem.path("arguments").get(0).asText()).isEqualTo("64 KB");
    assertThat(problem.path("message").asText()).isEqualTo("is larger than the limit of 64 KB");
  }

  @Test
  @DisplayName("refuses a .pdf that is really an executable (ELF or MZ), naming the extension and the detected type")
  void refusesAnExecutableNamedPdf() throws Exception {
    String caseNumber = newCase();
    long before = stored();
    for (byte[] executable : List.of(TestFiles.elf(), TestFiles.windowsExecutable())) {
      JsonNode problem = refused(upload("karen", caseNumber, "udtalelse.pdf", executable), before, "file",
          "problem.documents.file.typeMismatch");
      assertThat(problem.path("arguments").get(0).asText()).isEqualTo(".pdf");
      assertThat(problem.path("arguments").get(1).asText()).startsWith("application/").isNotEqualTo("application/pdf");
      assertThat(problem.path("message").asText()).contains("the name ends in .pdf but the content is application/");
    }
  }

  @Test
  @DisplayName("refuses a zip bomb named .docx (a thousandfold compressed entry), read as a stream and stopped at the "
      + "limit, naming the compression ratio")
  void refusesAZipBomb() throws Exception {
    String caseNumber = newCase();
    long before = stored();
    byte[] bomb = TestFiles.zipBomb(40);
    assertThat(bomb.length).as("small enough to pass the size limit").isLessThan(64 * 1024);
    JsonNode problem = refused(upload("karen", caseNumber, "rapport.docx", bomb), before, "file",
        "problem.documents.file.zip.ratio");
    assertThat(problem.path("message").asText()).contains("zip bomb");
  }

  @Test
  @DisplayName("refuses a file name with path characters, and one with control characters, naming the file")
  void refusesBadFileNames() throws Exception {
    String caseNumber = newCase();
    long before = stored();
    byte[] pdf = TestFiles.pdf("Navn", 0);
    for (String name : List.of("../../etc/udtalelse.pdf", "mappe/udtalelse.pdf", "mappe\\udtalelse.pdf")) {
      refused(upload("karen", caseNumber, name, pdf), before, "file", "problem.documents.fileName.path");
    }
    for (String name : List.of("udtalelse\u0007.pdf", "udtalelse\n.pdf", "fdp\u202E.exe")) {
      refused(upload("karen", caseNumber, name, pdf), before, "file", "problem.documents.fileName.control");
    }
    refused(upload("karen", caseNumber, "x".repeat(300) + ".pdf", pdf), before, "file",
        "problem.documents.fileName.tooLong");
  }

  @Test
  @DisplayName("refuses a missing title, an unknown or generated-only kind and a date in the future, every problem at "
      + "once, and an upload without X-Requested-With")
  void refusesTheDescription() throws Exception {
    String caseNumber = newCase();
    long before = stored();
    byte[] pdf = TestFiles.pdf("Beskrivelse", 0);
    Response r = call("karen", upload(caseNumber, "a.pdf", pdf, " ", "LETTER", "2027-03-03"));
    refused(r, before, "title", "problem.documents.title.required");
    refused(r, before, "kind", "problem.documents.kind.generatedOnly");
    refused(r, before, "date", "problem.notFuture");
    refused(call("karen", upload(caseNumber, "a.pdf", null, "T", "REPORT", "2027-03-01")), before, "file",
        "problem.documents.file.required");
    refused(call("karen", upload(caseNumber, "a.pdf", pdf, "T", "REPORT", "1. marts")), before, "date",
        "problem.json.notADate");

    MockMultipartHttpServletRequestBuilder noHeader = multipart("/api/cases/" + caseNumber + "/documents");
    noHeader.file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf)).param("title", "T")
        .param("kind", "REPORT").param("date", "2027-03-01");
    MvcResult result = mvc.perform(noHeader.with(httpBasic("karen", TestStaff.PASSWORD))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString()).contains("X-Requested-With");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  @DisplayName("another team's caseworker and intake find no documents (404) and store none; each refusal is audited")
  void otherTeamsFindNothing() throws Exception {
    String caseNumber = newCase();
    long id = upload("karen", caseNumber, "a.pdf", TestFiles.pdf("Nord", 0)).body().path("id").asLong();
    long before = stored();
    long refusals = audit.count(AuditAction.REFUSED);

    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/documents").status()).isEqualTo(404);
    assertThat(upload("sofie", caseNumber, "b.pdf", TestFiles.pdf("Syd", 0)).status()).isEqualTo(404);
    assertThat(getJson("sofie", "/api/documents/" + id).status()).isEqualTo(404);
    assertThat(postJson("sofie", "/api/documents/" + id + "/filed-in-error", Map.of("reason", "Syd.")).status())
        .isEqualTo(404);
    assertThat(getJson("ida", "/api/documents/" + id).status()).isEqualTo(404);
    assertThat(getJson("karen", "/api/documents/999999").status()).isEqualTo(404);

    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refusals + 5);
    assertThat(stored()).isEqualTo(before);
    assertThat(documents("karen", caseNumber)).allSatisfy(d -> assertThat(d.path("filedInError").asBoolean()).isFalse());
  }

  @Test
  @DisplayName("a document filed in error stays listed with the reason, who and when; a reason is required, and a "
      + "second marking is a conflict")
  void filedInErrorStaysListed() throws Exception {
    String caseNumber = newCase();
    long id = upload("karen", caseNumber, "a.pdf", TestFiles.pdf("Forkert", 0)).body().path("id").asLong();

    Response noReason = postJson("lars", "/api/documents/" + id + "/filed-in-error", Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().path("problems").get(0).path("field").asText()).isEqualTo("reason");

    Response marked = postJson("lars", "/api/documents/" + id + "/filed-in-error",
        Map.of("reason", "Hører til en anden sag."));
    assertThat(marked.status()).as(String.valueOf(marked.body())).isEqualTo(200);

    List<JsonNode> list = documents("karen", caseNumber);
    assertThat(list).hasSize(1);
    JsonNode d = list.get(0);
    assertThat(d.path("filedInError").asBoolean()).isTrue();
    assertThat(d.path("filedInErrorReason").asText()).isEqualTo("Hører til en anden sag.");
    assertThat(d.path("filedInErrorBy").asText()).isEqualTo("lars");
    assertThat(d.path("filedInErrorAt").asText()).isEqualTo(START.toString());
    assertThat(mvc.perform(get("/api/documents/" + id).with(httpBasic("karen", TestStaff.PASSWORD))).andReturn()
        .getResponse().getStatus()).as("still there to read").isEqualTo(200);

    Response again = postJson("karen", "/api/documents/" + id + "/filed-in-error", Map.of("reason", "Igen."));
    assertThat(again.status()).isEqualTo(409);
    assertThat(documents("karen", caseNumber).get(0).path("filedInErrorReason").asText())
        .isEqualTo("Hører til en anden sag.");
    String trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit").body().toString();
    assertThat(trail).contains("documents: filed in error of document " + id);
  }
}
