package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.letters.LetterDispatcher;
import dk.trappen.letters.LetterSent;
import dk.trappen.letters.LettersProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Letters over the API (issue 19): the receipt sent by the acknowledgement task, the decision letter drafted when a
 * step is chosen, edited and sent once through the drop folder, the child's plan as PDF, and who may do what. Each PDF
 * is read back with PDFBox.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
@DisplayName("Letters over the API")
class LettersApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final String PROTECTED = "Skjulte Allé 13, 8000 Aarhus C";
  private static final String OPEN = "Åbne Vænge 4, 8200 Aarhus N";

  @Autowired
  private LetterDispatcher dispatcher;
  @Autowired
  private LettersProperties properties;
  @Autowired
  private AuditService audit;
  @Autowired
  private ApplicationEvents events;

  /** A new case of team nord from a school: Søren Ærø Østergård, 13 years old (born 3 March 2013). */
  private String newCase() throws Exception {
    String cpr = "030313" + (7100 + SERIAL.incrementAndGet());
    Response r = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Søren", "lastName", "Ærø Østergård", "birthDate", "2013-03-03"),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Vestre Skole", "notifierName", "Lis Berg",
        "concern", "Meget fravær.", "receivedAt", now().minus(Duration.ofHours(1)).toString(), "team", "nord"));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().path("caseNumber").asText();
  }

  /** Through the acute assessment and the investigation to the choice of the preventive step. */
  private void toStepChosen(String caseNumber) throws Exception {
    assertThat(complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."))
        .status()).isEqualTo(204);
    Response investigated = complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
    assertThat(investigated.status()).as(String.valueOf(investigated.body())).isEqualTo(204);
    Response chosen = complete("karen", caseNumber, "choose-step", Map.of(
        "stepKey", "PREVENTIVE", "description", "Familierådgivning hver uge i et halvt år.",
        "plannedEnd", "2027-12-31", "nextStepDownKey", "EARLY_HELP",
        "childNotHeardReason", "Søren var på lejrskole; samtalen holdes i næste uge."));
    assertThat(chosen.status()).as(String.valueOf(chosen.body())).isEqualTo(204);
  }

  private void addCustodyHolder(String caseNumber, String name, String cpr, String address, boolean protectedAddress)
      throws Exception {
    Map<String, Object> p = new HashMap<>();
    p.put("role", "CUSTODY_HOLDER");
    p.put("name", name);
    p.put("cpr", cpr);
    p.put("address", address);
    p.put("protectedAddress", protectedAddress);
    Response r = postJson("karen", "/api/cases/" + caseNumber + "/parties", p);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
  }

  private JsonNode letters(String user, String caseNumber) throws Exception {
    Response r = getJson(user, "/api/cases/" + caseNumber + "/letters");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body();
  }

  private JsonNode letterOfKind(String caseNumber, String kind) throws Exception {
    for (JsonNode l : letters("karen", caseNumber)) {
      if (kind.equals(l.path("kind").asText())) {
        return l;
      }
    }
    throw new AssertionError("no " + kind + " letter on " + caseNumber + ": " + letters("karen", caseNumber));
  }

  private byte[] pdf(String user, String url) throws Exception {
    MvcResult result = mvc.perform(get(url).with(httpBasic(user, TestStaff.PASSWORD))).andReturn();
    assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
    assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
    assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".pdf");
    return result.getResponse().getContentAsByteArray();
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      // the text as one line per paragraph: a sentence broken over lines reads as written
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private Response send(String user, long id) throws Exception {
    return call(user, post("/api/letters/" + id + "/send").contentType(MediaType.APPLICATION_JSON));
  }

  private Response edit(String user, long id, String reasons, String freeText) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("reasons", reasons);
    body.put("freeText", freeText);
    return call(user, put("/api/letters/" + id).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body)));
  }

  private List<Path> dropped(String suffix) throws Exception {
    Path folder = properties.getDropFolder();
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  @DisplayName("completing the acknowledgement sends the receipt to the professional notifier: a sent letter with the "
      + "child's name, the date received and the free text, and the deadline is met")
  void theAcknowledgementSendsTheReceipt() throws Exception {
    String caseNumber = newCase();

    Response done = complete("ida", caseNumber, "acknowledgement",
        Map.of("note", "Intern note.", "freeText", "Tak for din henvendelse om eleven."));

    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);
    JsonNode receipt = letterOfKind(caseNumber, "RECEIPT");
    assertThat(receipt.path("status").asText()).isEqualTo("SENT");
    assertThat(receipt.path("sentBy").asText()).isEqualTo("ida");
    assertThat(receipt.path("recipients").get(0).path("role").asText()).isEqualTo("NOTIFIER");
    String text = text(pdf("karen", "/api/letters/" + receipt.path("id").asLong() + "/pdf"));
    assertThat(text).contains("Søren Ærø Østergård").contains("Kvittering for modtagelse af underretning")
        .contains("2. marts 2027").contains("Tak for din henvendelse om eleven.").contains("Lis Berg")
        .contains("Vestre Skole").doesNotContain("Intern note.");
    JsonNode deadlines = getJson("karen", "/api/cases/" + caseNumber).body().path("deadlines");
    boolean met = false;
    for (JsonNode d : deadlines) {
      met |= "ACKNOWLEDGEMENT".equals(d.path("kind").asText()) && d.path("metAt").isTextual();
    }
    assertThat(met).as("the acknowledgement deadline is met by sending the receipt: " + deadlines).isTrue();
  }

  @Test
  @DisplayName("a step chosen drafts the decision letter; edited and sent, it holds the child's name, the decision, the "
      + "legal basis, the reasons and the appeal guidance, never the protected address, and is frozen (409 on edit)")
  void decisionLetterDraftedEditedSentAndFrozen() throws Exception {
    String caseNumber = newCase();
    addCustodyHolder(caseNumber, "Hemmelig Mor", "0101804321", PROTECTED, true);
    addCustodyHolder(caseNumber, "Åben Far", "0202791234", OPEN, false);
    toStepChosen(caseNumber);

    JsonNode draft = letterOfKind(caseNumber, "DECISION");
    long id = draft.path("id").asLong();
    assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.path("decisionKind").asText()).isEqualTo("STEP_CHOSEN");
    assertThat(draft.path("legalBasis").asText()).contains("Barnets Lov § 32");
    assertThat(draft.toString()).doesNotContain("Skjulte").doesNotContain("0101804321");
    // the custody holders and the youth (13: a party from 12)
    assertThat(draft.path("recipients")).hasSize(3);
    assertThat(draft.path("recipients").get(2).path("role").asText()).isEqualTo("YOUTH");

    // a decision cannot be sent without its reasons: 400 naming the field, nothing changes
    Response noReasons = send("karen", id);
    assertThat(noReasons.status()).as(String.valueOf(noReasons.body())).isEqualTo(400);
    assertThat(noReasons.body().path("errors").has("reasons")).isTrue();
    assertThat(getJson("karen", "/api/letters/" + id).body().path("status").asText()).isEqualTo("DRAFT");

    Response edited = edit("karen", id, "Søren har brug for støtte til at komme i skole, og familien ønsker hjælp.",
        "Vi holder et opfølgende møde i maj.");
    assertThat(edited.status()).as(String.valueOf(edited.body())).isEqualTo(200);
    Response sent = send("lars", id);
    assertThat(sent.status()).as(String.valueOf(sent.body())).isEqualTo(200);
    assertThat(sent.body().path("status").asText()).isEqualTo("SENT");
    assertThat(sent.body().path("sentBy").asText()).isEqualTo("lars");
    assertThat(sent.body().path("sentAt").isTextual()).isTrue();

    byte[] pdf = pdf("karen", "/api/letters/" + id + "/pdf");
    String text = text(pdf);
    assertThat(text).contains("Søren Ærø Østergård").contains("Familierådgivning hver uge i et halvt år.")
        .contains("Forebyggende indsatser").contains("Barnets Lov § 32")
        .contains("Søren har brug for støtte til at komme i skole, og familien ønsker hjælp.")
        .contains("Klagevejledning").contains("Ankestyrelsen").contains("4 uger")
        .contains("Vi holder et opfølgende møde i maj.");
    assertThat(text).as("the protected address is never printed").doesNotContain("Skjulte").doesNotContain("8000 Aarhus C")
        .contains("Navne- og adressebeskyttet");
    assertThat(text).as("the open address is printed").contains("Åbne Vænge 4").contains("8200 Aarhus N");
    PdfAConformance.check(pdf);
    LetterPictures.write("decision", pdf);
    // the documents feature hears of it: one LetterSent with the case's copy
    List<LetterSent> published = events.stream(LetterSent.class).filter(e -> e.letterId() == id).toList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).pdf()).isEqualTo(pdf);
    assertThat(published.get(0).caseNumber()).isEqualTo(caseNumber);
    assertThat(published.get(0).kind()).isEqualTo("DECISION");
    assertThat(published.get(0).user()).isEqualTo("lars");
    assertThat(published.get(0).fileName()).isEqualTo(caseNumber + "-afgoerelse-" + id + ".pdf");
    // and files it on the case: the sent letter is a document of kind LETTER, with the case's copy's bytes
    JsonNode filed = null;
    for (JsonNode d : getJson("karen", "/api/cases/" + caseNumber + "/documents").body()) {
      if (d.path("fileName").asText().equals(caseNumber + "-afgoerelse-" + id + ".pdf")) {
        filed = d;
      }
    }
    assertThat(filed).as("the sent letter on the case's documents").isNotNull();
    assertThat(filed.path("kind").asText()).isEqualTo("LETTER");
    assertThat(pdf("karen", "/api/documents/" + filed.path("id").asText())).isEqualTo(pdf);

    // frozen: no edit, no second send, the same bytes
    Response late = edit("karen", id, "Ny begrundelse", null);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().path("errors").has("status")).isTrue();
    assertThat(send("karen", id).status()).isEqualTo(409);
    assertThat(pdf("karen", "/api/letters/" + id + "/pdf")).isEqualTo(pdf);
    assertThat(getJson("karen", "/api/letters/" + id).body().path("reasons").asText()).startsWith("Søren har brug");
  }

  @Test
  @DisplayName("sending is keyed: one copy per recipient in the outbox, and the dispatcher run twice writes each to the "
      + "drop folder once; the protected parent's copy goes by CPR only and holds no address")
  void dispatcherRunTwiceWritesEachLetterOnce() throws Exception {
    String caseNumber = newCase();
    addCustodyHolder(caseNumber, "Hemmelig Mor", "0101804321", PROTECTED, true);
    addCustodyHolder(caseNumber, "Åben Far", "0202791234", OPEN, false);
    toStepChosen(caseNumber);
    long id = letterOfKind(caseNumber, "DECISION").path("id").asLong();
    assertThat(edit("karen", id, "Begrundelse.", null).status()).isEqualTo(200);
    assertThat(send("karen", id).status()).isEqualTo(200);
    String prefix = "letter-" + id + "-";

    dispatcher.dispatchDue();
    int second = dispatcher.dispatchDue();

    assertThat(second).as("nothing left to send the second time").isZero();
    List<Path> pdfs = dropped(".pdf").stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    List<Path> meta = dropped(".json").stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    assertThat(pdfs).hasSize(3);
    assertThat(meta).hasSize(3);
    JsonNode mother = json.readTree(meta.get(0).toFile());
    assertThat(mother.path("recipient").path("name").asText()).isEqualTo("Hemmelig Mor");
    assertThat(mother.path("recipient").path("protectedAddress").asBoolean()).isTrue();
    assertThat(mother.path("recipient").path("address").isNull()).isTrue();
    assertThat(mother.path("delivery").asText()).isEqualTo("DIGITAL_POST_BY_CPR_ONLY");
    assertThat(Files.readString(meta.get(0))).doesNotContain("Skjulte");
    String motherCopy = text(Files.readAllBytes(pdfs.get(0)));
    assertThat(motherCopy).contains("Hemmelig Mor").doesNotContain("Skjulte").doesNotContain("Åbne Vænge");
    String fatherCopy = text(Files.readAllBytes(pdfs.get(1)));
    assertThat(fatherCopy).contains("Åben Far").contains("Åbne Vænge 4").doesNotContain("Skjulte");
    JsonNode sent = getJson("karen", "/api/letters/" + id).body();
    for (JsonNode r : sent.path("recipients")) {
      assertThat(r.path("dispatchedAt").isTextual()).as(r.toString()).isTrue();
      assertThat(r.path("channel").asText()).isEqualTo("drop-folder");
    }
  }

  @Test
  @DisplayName("a placement approved drafts its own decision letter, citing the placement's legal basis; two sends at "
      + "once send it once: one 200, one 409, one copy per recipient")
  void placementApprovedAndSentOnceUnderARace() throws Exception {
    String caseNumber = newCase();
    addCustodyHolder(caseNumber, "Åben Far", "0202791234", OPEN, false);
    assertThat(complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."))
        .status()).isEqualTo(204);
    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);
    Response chosen = complete("karen", caseNumber, "choose-step", Map.of(
        "stepKey", "FOSTER_FAMILY", "description", "Anbringelse i plejefamilie.", "plannedEnd", "2027-12-31",
        "nextStepDownKey", "HOME_BASED", "justification", "Hjemmet er ikke trygt om aftenen.",
        "childNotHeardReason", "Søren var syg."));
    assertThat(chosen.status()).as(String.valueOf(chosen.body())).isEqualTo(204);
    assertThat(letters("karen", caseNumber)).as("a placement awaiting approval is not decided yet").isEmpty();
    Response approved = complete("birgitte", caseNumber, "approve-placement", Map.of(
        "approved", true, "note", "Godkendt.", "childNotHeardReason", "Søren var syg."));
    assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(204);

    JsonNode draft = letterOfKind(caseNumber, "DECISION");
    assertThat(draft.path("decisionKind").asText()).isEqualTo("PLACEMENT_APPROVED");
    assertThat(draft.path("legalBasis").asText()).contains("§ 46");
    assertThat(draft.path("reasons").asText()).as("the justification is the first draft of the reasons")
        .isEqualTo("Hjemmet er ikke trygt om aftenen.");
    long id = draft.path("id").asLong();

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<Response> answers;
    try {
      answers = atOnce(pool, List.of(() -> send("karen", id), () -> send("lars", id)));
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers.stream().map(Response::status).sorted().toList()).isEqualTo(List.of(200, 409));
    JsonNode sent = getJson("karen", "/api/letters/" + id).body();
    assertThat(sent.path("recipients")).hasSize(2);
    assertThat(text(pdf("karen", "/api/letters/" + id + "/pdf"))).contains("anbringes uden for hjemmet")
        .contains("Barnets Lov § 46").contains("Du har ret til en advokat");
  }

  @Test
  @DisplayName("a case closed by a network meeting ends its running intervention, which drafts a decision letter on "
      + "the end with the end's appeal guidance")
  void interventionEndedDraftsALetter() throws Exception {
    String caseNumber = newCase();
    addCustodyHolder(caseNumber, "Åben Far", "0202791234", OPEN, false);
    toStepChosen(caseNumber);
    Response closed = complete("karen", caseNumber, "network-meeting", Map.of(
        "participants", List.of(Map.of("role", "YOUTH", "name", "Søren")), "goalProgress", List.of(),
        "youthSatisfaction", 5, "youthVoice", "Det går godt.", "decision", "CLOSE",
        "decisionNote", "Målet er nået.", "closureReason", "GOAL_REACHED"));
    assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(204);

    JsonNode ended = null;
    for (JsonNode l : letters("karen", caseNumber)) {
      if ("INTERVENTION_ENDED".equals(l.path("decisionKind").asText())) {
        ended = l;
      }
    }
    assertThat(ended).as(letters("karen", caseNumber).toString()).isNotNull();
    assertThat(ended.path("title").asText()).isEqualTo("Afgørelse om ophør af forebyggende indsatser");
    assertThat(ended.path("appealGuidance").asText()).contains("indsatsen ophører").contains("Ankestyrelsen");
    assertThat(ended.path("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  @DisplayName("the child's plan as PDF holds every goal, its sub-goals and the youth's own words; reading it is "
      + "audited")
  void planPdfHoldsEveryGoalInTheYouthsWords() throws Exception {
    String caseNumber = newCase();
    addCustodyHolder(caseNumber, "Åben Far", "0202791234", OPEN, false);
    toStepChosen(caseNumber);
    Response plan = complete("karen", caseNumber, "action-plan", Map.of(
        "youthOwnWords", "Jeg vil gerne i skole hver dag og have en ven i klassen.",
        "goals", List.of(
            Map.of("title", "Søren går i skole hver dag", "successCriterion", "Fravær under 5 %", "owner", "Søren",
                "targetDate", "2027-08-01", "youthOwn", true,
                "subGoals", List.of(Map.of("title", "Vækkeur og morgenmad", "targetDate", "2027-04-01"))),
            Map.of("title", "Familien får ro om aftenen", "successCriterion", "Sengetid kl. 21", "owner", "Mor",
                "targetDate", "2027-09-01", "youthOwn", false,
                "subGoals", List.of(Map.of("title", "Fast aftenrutine", "targetDate", "2027-05-01"))))));
    assertThat(plan.status()).as(String.valueOf(plan.body())).isEqualTo(204);
    long readsBefore = audit.count(AuditAction.READ);

    byte[] pdf = pdf("karen", "/api/cases/" + caseNumber + "/plan.pdf");

    String text = text(pdf);
    assertThat(text).contains("Barnets plan").contains("Søren Ærø Østergård")
        .contains("Jeg vil gerne i skole hver dag og have en ven i klassen.")
        .contains("Søren går i skole hver dag").contains("Familien får ro om aftenen")
        .contains("Vækkeur og morgenmad").contains("Fast aftenrutine").contains("Næste netværksmøde");
    assertThat(audit.count(AuditAction.READ)).isGreaterThan(readsBefore);
    PdfAConformance.check(pdf);
    LetterPictures.write("plan", pdf);
    // the page's link gives the same plan
    MvcResult page = mvc.perform(get("/cases/" + caseNumber + "/plan.pdf")
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("karen").roles("CASEWORKER"))).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(text(page.getResponse().getContentAsByteArray())).contains("Familien får ro om aftenen");
  }

  @Test
  @DisplayName("the receipt is PDF/A with embedded fonts and an output intent, and renders for the README")
  void receiptIsPdfA() throws Exception {
    String caseNumber = newCase();
    assertThat(complete("ida", caseNumber, "acknowledgement", Map.of()).status()).isEqualTo(204);
    byte[] pdf = pdf("karen", "/api/letters/" + letterOfKind(caseNumber, "RECEIPT").path("id").asLong() + "/pdf");
    PdfAConformance.check(pdf);
    LetterPictures.write("receipt", pdf);
  }

  @Test
  @DisplayName("the case's team reads and writes letters, its head reads only (403 on writes), intake and another "
      + "team get not found, recorded as refusals; a letter of another case under this case's address is not found")
  void whoMayDoWhat() throws Exception {
    String caseNumber = newCase();
    addCustodyHolder(caseNumber, "Åben Far", "0202791234", OPEN, false);
    toStepChosen(caseNumber);
    long id = letterOfKind(caseNumber, "DECISION").path("id").asLong();
    long refusals = audit.count(AuditAction.REFUSED);

    assertThat(getJson("hanne", "/api/letters/" + id).status()).isEqualTo(200);
    assertThat(getJson("hanne", "/api/cases/" + caseNumber + "/letters").status()).isEqualTo(200);
    assertThat(edit("hanne", id, "Hoved", null).status()).isEqualTo(403);
    assertThat(send("hanne", id).status()).isEqualTo(403);
    assertThat(getJson("ida", "/api/letters/" + id).status()).isEqualTo(404);
    assertThat(getJson("ida", "/api/letters/" + id + "/pdf").status()).isEqualTo(404);
    assertThat(edit("ida", id, "Intake", null).status()).isEqualTo(404);
    assertThat(getJson("sofie", "/api/letters/" + id).status()).isEqualTo(404);
    assertThat(send("sofie", id).status()).isEqualTo(404);
    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/letters").status()).isEqualTo(404);
    assertThat(getJson("karen", "/api/letters/999999999").status()).isEqualTo(404);

    // six "not found" by CaseAccess and the head's two writes refused by the security rules
    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refusals + 8);
    JsonNode letter = getJson("birgitte", "/api/letters/" + id).body();
    assertThat(letter.path("status").asText()).as("nothing the refused users did changed it").isEqualTo("DRAFT");
    assertThat(letter.path("reasons").isNull()).isTrue();
    String other = newCase();
    MvcResult wrongCase = mvc.perform(get("/cases/" + other + "/letters/" + id)
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("karen").roles("CASEWORKER"))).andReturn();
    assertThat(wrongCase.getResponse().getStatus()).isEqualTo(404);
  }
}
