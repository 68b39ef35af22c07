package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The case journal over the API: entries, corrections as new versions, the rules, who may read and write. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The case journal over the API")
class JournalApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  @Autowired
  private AuditService audit;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** A new case of team nord (a child born 11 November 2012 with a CPR number of its own). */
  private String newCase() throws Exception {
    String cpr = "111112" + (7000 + SERIAL.incrementAndGet());
    Response r = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Asta", "lastName", "Nord", "birthDate", "2012-11-11"),
        "notifierKind", "RELATIVE", "concern", "Bekymring.", "receivedAt", now().minus(Duration.ofHours(1)).toString(),
        "team", "nord"));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().path("caseNumber").asText();
  }

  private static Map<String, Object> entry(String kind, Instant happenedAt, String text) {
    Map<String, Object> e = new HashMap<>();
    e.put("kind", kind);
    e.put("happenedAt", happenedAt == null ? null : happenedAt.toString());
    e.put("text", text);
    return e;
  }

  private Response write(String user, String caseNumber, Map<String, Object> entry) throws Exception {
    return postJson(user, "/api/cases/" + caseNumber + "/journal", entry);
  }

  private Response correct(String user, String caseNumber, long id, String text, String reason) throws Exception {
    Map<String, Object> c = entry("PHONE_CALL", now().minus(Duration.ofHours(2)), text);
    c.put("reason", reason);
    return postJson(user, "/api/cases/" + caseNumber + "/journal/" + id + "/corrections", c);
  }

  private List<JsonNode> journal(String user, String caseNumber) throws Exception {
    Response r = getJson(user, "/api/cases/" + caseNumber + "/journal");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    r.body().forEach(entries::add);
    return entries;
  }

  @Test
  @DisplayName("a caseworker writes a phone call and reads it back, newest first, with who wrote it and when")
  void writesAndReadsBack() throws Exception {
    String caseNumber = newCase();
    Instant called = now().minus(Duration.ofHours(3));
    Response older = write("karen", caseNumber, entry("HOME_VISIT", now().minus(Duration.ofDays(1)), "Besøg."));
    Response written = write("karen", caseNumber, entry("PHONE_CALL", called, "Mor ringede om skolen."));

    assertThat(older.status()).isEqualTo(201);
    assertThat(written.status()).as(String.valueOf(written.body())).isEqualTo(201);
    assertThat(written.body().path("kind").asText()).isEqualTo("PHONE_CALL");
    assertThat(written.body().path("author").asText()).isEqualTo("karen");
    assertThat(Instant.parse(written.body().path("writtenAt").asText())).isEqualTo(START);
    assertThat(Instant.parse(written.body().path("happenedAt").asText())).isEqualTo(called);
    assertThat(written.body().path("current").asBoolean()).isTrue();

    List<JsonNode> journal = journal("lars", caseNumber);
    assertThat(journal).extracting(e -> e.path("text").asText())
        .containsExactly("Mor ringede om skolen.", "Besøg.");
    assertThat(journal.get(0).path("id").asLong()).isEqualTo(written.body().path("id").asLong());
    assertThat(journal.get(0).path("version").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("a correction is a new version: both are returned, the old one marked corrected with who and when, "
      + "the new one current with its reason")
  void correctionKeepsTheOldVersion() throws Exception {
    String caseNumber = newCase();
    long id = write("karen", caseNumber, entry("PHONE_CALL", now().minus(Duration.ofHours(2)), "Far ringede."))
        .body().path("id").asLong();
    moveClockTo(START.plus(Duration.ofHours(1)));

    Response corrected = correct("lars", caseNumber, id, "Mor ringede.", "Det var mor, ikke far.");

    assertThat(corrected.status()).as(String.valueOf(corrected.body())).isEqualTo(201);
    assertThat(corrected.body().path("corrects").asLong()).isEqualTo(id);
    assertThat(corrected.body().path("version").asInt()).isEqualTo(2);
    List<JsonNode> journal = journal("karen", caseNumber);
    assertThat(journal).hasSize(2);
    JsonNode now = journal.get(0);
    JsonNode old = journal.get(1);
    assertThat(now.path("text").asText()).isEqualTo("Mor ringede.");
    assertThat(now.path("current").asBoolean()).isTrue();
    assertThat(now.path("author").asText()).isEqualTo("lars");
    assertThat(now.path("correctionReason").asText()).isEqualTo("Det var mor, ikke far.");
    assertThat(now.path("entryId").asLong()).isEqualTo(id);
    assertThat(old.path("text").asText()).isEqualTo("Far ringede.");
    assertThat(old.path("current").asBoolean()).isFalse();
    assertThat(old.path("author").asText()).isEqualTo("karen");
    assertThat(old.path("correctedBy").asLong()).isEqualTo(now.path("id").asLong());
    assertThat(old.path("correctedByUser").asText()).isEqualTo("lars");
    assertThat(Instant.parse(old.path("correctedAt").asText())).isEqualTo(START.plus(Duration.ofHours(1)));

    Response again = correct("karen", caseNumber, id, "Igen.", "Igen.");
    assertThat(again.status()).as("the old version is corrected already").isEqualTo(409);
    assertThat(again.body().path("problems").get(0).path("field").asText()).isEqualTo("id");
    assertThat(journal("karen", caseNumber)).hasSize(2);
  }

  @Test
  @DisplayName("bad input (a time in the future, no text, an unknown kind) answers 400 naming each field at once and "
      + "stores nothing; a correction without a reason too")
  void badInputNamesEveryField() throws Exception {
    String caseNumber = newCase();

    Response refused = write("karen", caseNumber, entry("SMOKE_SIGNAL", now().plus(Duration.ofHours(1)), "  "));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").has("kind")).isTrue();
    assertThat(refused.body().path("errors").has("happenedAt")).isTrue();
    assertThat(refused.body().path("errors").has("text")).isTrue();
    assertThat(refused.body().path("errors").path("happenedAt").asText()).contains("future");
    Response missing = write("karen", caseNumber, entry(null, null, "x".repeat(20001)));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").path("text").asText()).contains("20000");
    assertThat(missing.body().path("errors").has("kind")).isTrue();
    assertThat(missing.body().path("errors").has("happenedAt")).isTrue();
    assertThat(journal("karen", caseNumber)).isEmpty();

    long id = write("karen", caseNumber, entry("NOTE", now(), "Notat.")).body().path("id").asLong();
    Response noReason = correct("karen", caseNumber, id, "Rettet.", " ");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().path("errors").has("reason")).isTrue();
    assertThat(journal("karen", caseNumber)).hasSize(1).allSatisfy(e -> assertThat(e.path("current").asBoolean())
        .isTrue());
  }

  @Test
  @DisplayName("another team's caseworker finds no case to read or write (404), and each refusal is audited")
  void anotherTeamIsRefused() throws Exception {
    String caseNumber = newCase();
    long id = write("karen", caseNumber, entry("NOTE", now(), "Notat.")).body().path("id").asLong();
    long refusals = audit.count(AuditAction.REFUSED);

    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/journal").status()).isEqualTo(404);
    assertThat(write("sofie", caseNumber, entry("NOTE", now(), "Syd.")).status()).isEqualTo(404);
    assertThat(correct("sofie", caseNumber, id, "Syd.", "Syd.").status()).isEqualTo(404);

    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refusals + 3);
    String trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit").body().toString();
    assertThat(trail).contains("\"username\":\"sofie\"").contains("\"reason\":\"other-team\"")
        .contains("api: journal").contains("journal: note");
    assertThat(journal("karen", caseNumber)).hasSize(1);
  }

  @Test
  @DisplayName("intake finds no journal to read or write; a head of the team reads it but may not write (403)")
  void intakeAndHead() throws Exception {
    String caseNumber = newCase();
    long id = write("birgitte", caseNumber, entry("CHILD_CONVERSATION", now(), "Samtale med Asta.")).body()
        .path("id").asLong();

    assertThat(getJson("ida", "/api/cases/" + caseNumber + "/journal").status()).isEqualTo(404);
    assertThat(write("ida", caseNumber, entry("NOTE", now(), "Intake.")).status()).isEqualTo(404);

    assertThat(journal("hanne", caseNumber)).extracting(e -> e.path("kind").asText())
        .containsExactly("CHILD_CONVERSATION");
    assertThat(write("hanne", caseNumber, entry("NOTE", now(), "Afdelingsleder.")).status()).isEqualTo(403);
    assertThat(correct("hanne", caseNumber, id, "Rettet.", "Fordi.").status()).isEqualTo(403);
    assertThat(getJson("jens", "/api/cases/" + caseNumber + "/journal").status()).as("head of Syd").isEqualTo(404);
    assertThat(journal("karen", caseNumber)).hasSize(1);
  }

  @Test
  @DisplayName("two corrections of one entry at once: one 201, one 409 naming the entry, one new version stored")
  void concurrentCorrections() throws Exception {
    for (int round = 0; round < 5; round++) {
      String caseNumber = newCase();
      long id = write("karen", caseNumber, entry("PHONE_CALL", now(), "Opkald.")).body().path("id").asLong();

      List<Response> answers = atOnce(pool, List.of(
          () -> correct("karen", caseNumber, id, "Karens rettelse.", "Karen retter."),
          () -> correct("lars", caseNumber, id, "Lars' rettelse.", "Lars retter.")));

      assertThat(answers.stream().map(Response::status).sorted().toList()).as(answers.toString())
          .containsExactly(201, 409);
      Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
      assertThat(lost.body().path("problems").get(0).path("field").asText()).isEqualTo("id");
      List<JsonNode> journal = journal("karen", caseNumber);
      assertThat(journal).hasSize(2);
      assertThat(journal.stream().filter(e -> e.path("current").asBoolean())).hasSize(1);
    }
  }
}
