package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The parties of a case and their consents over the API: protected addresses, append-only consent, who may do what. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Parties and consent over the API")
class PartiesApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  @Autowired
  private AuditService audit;

  /** A new case of team nord (a child born 12 December 2012 with a CPR number of its own). */
  private String newCase() throws Exception {
    String cpr = "121212" + (6000 + SERIAL.incrementAndGet());
    Response r = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Alma", "lastName", "Part", "birthDate", "2012-12-12"),
        "notifierKind", "RELATIVE", "concern", "Bekymring.", "receivedAt", now().minus(Duration.ofHours(1)).toString(),
        "team", "nord"));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().path("caseNumber").asText();
  }

  private static Map<String, Object> mother(String address, boolean protectedAddress) {
    Map<String, Object> p = new HashMap<>();
    p.put("role", "MOTHER");
    p.put("name", "Anne Part");
    p.put("custody", true);
    p.put("cpr", "0101804321");
    p.put("address", address);
    p.put("phone", "+45 12 34 56 78");
    p.put("email", "anne@example.dk");
    p.put("protectedAddress", protectedAddress);
    return p;
  }

  private static Map<String, Object> consent(Object partyId, String state, Instant at) {
    Map<String, Object> c = new HashMap<>();
    c.put("partyId", partyId);
    c.put("purpose", "Indhentning af oplysninger fra skolen");
    c.put("state", state);
    c.put("happenedAt", at == null ? null : at.toString());
    c.put("documentation", "WRITTEN");
    return c;
  }

  private long addParty(String user, String caseNumber, Map<String, Object> party) throws Exception {
    Response r = postJson(user, "/api/cases/" + caseNumber + "/parties", party);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().path("id").asLong();
  }

  private JsonNode parties(String user, String caseNumber) throws Exception {
    Response r = getJson(user, "/api/cases/" + caseNumber + "/parties");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body();
  }

  @Test
  @DisplayName("a custody holder with a protected address is stored and read back without the address, flagged "
      + "protected, with the CPR number masked")
  void protectedAddressIsNeverShown() throws Exception {
    String caseNumber = newCase();
    Map<String, Object> holder = mother("Hemmelig Vej 7, 8000 Aarhus C", true);
    holder.put("role", "CUSTODY_HOLDER");
    holder.put("custody", null);

    Response added = postJson("karen", "/api/cases/" + caseNumber + "/parties", holder);

    assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
    assertThat(added.body().toString()).doesNotContain("Hemmelig").doesNotContain("0101804321");
    JsonNode party = parties("lars", caseNumber).get(0);
    assertThat(party.path("role").asText()).isEqualTo("CUSTODY_HOLDER");
    assertThat(party.path("custody").asBoolean()).as("a custody holder holds custody").isTrue();
    assertThat(party.has("address")).isTrue();
    assertThat(party.path("address").isNull()).isTrue();
    assertThat(party.path("protectedAddress").asBoolean()).isTrue();
    assertThat(party.path("cpr").asText()).isEqualTo("010180-xxxx");
    assertThat(party.toString()).doesNotContain("Hemmelig");
    assertThat(party.path("email").asText()).isEqualTo("anne@example.dk");

    long open = addParty("karen", caseNumber, mother("Åben Vej 1", false));
    assertThat(parties("karen", caseNumber).get(1).path("id").asLong()).isEqualTo(open);
    assertThat(parties("karen", caseNumber).get(1).path("address").asText()).isEqualTo("Åben Vej 1");
  }

  @Test
  @DisplayName("a consent given and then withdrawn: both records are kept, the newest (withdrawn) first")
  void consentGivenThenWithdrawn() throws Exception {
    String caseNumber = newCase();
    long mother = addParty("karen", caseNumber, mother("Vej 1", false));

    Response given = postJson("karen", "/api/cases/" + caseNumber + "/consents",
        consent(mother, "GIVEN", now().minus(Duration.ofDays(3))));
    Response withdrawn = postJson("birgitte", "/api/cases/" + caseNumber + "/consents",
        consent(mother, "WITHDRAWN", now().minus(Duration.ofHours(1))));

    assertThat(given.status()).as(String.valueOf(given.body())).isEqualTo(201);
    assertThat(withdrawn.status()).as(String.valueOf(withdrawn.body())).isEqualTo(201);
    JsonNode consents = parties("karen", caseNumber).get(0).path("consents");
    assertThat(consents).hasSize(2);
    assertThat(consents.get(0).path("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(consents.get(0).path("recordedBy").asText()).isEqualTo("birgitte");
    assertThat(consents.get(1).path("state").asText()).isEqualTo("GIVEN");
    assertThat(consents.get(1).path("documentation").asText()).isEqualTo("WRITTEN");
  }

  @Test
  @DisplayName("bad input answers 400 naming every field at once and stores nothing: an empty name and a bad e-mail; "
      + "a consent for a party of another case and in the future")
  void badInputNamesEveryField() throws Exception {
    String caseNumber = newCase();
    String other = newCase();
    long elsewhere = addParty("karen", other, mother("Vej 2", false));
    Map<String, Object> bad = mother("Vej 1", false);
    bad.put("name", " ");
    bad.put("email", "anne.example.dk");
    bad.put("cpr", "12345");

    Response party = postJson("karen", "/api/cases/" + caseNumber + "/parties", bad);

    assertThat(party.status()).isEqualTo(400);
    assertThat(party.body().path("errors").has("name")).isTrue();
    assertThat(party.body().path("errors").has("email")).isTrue();
    assertThat(party.body().path("errors").has("cpr")).isTrue();
    assertThat(party.body().path("errors").path("email").asText()).contains("e-mail");

    Response consent = postJson("karen", "/api/cases/" + caseNumber + "/consents",
        consent(elsewhere, "GIVEN", now().plus(Duration.ofDays(1))));

    assertThat(consent.status()).isEqualTo(400);
    assertThat(consent.body().path("errors").has("partyId")).isTrue();
    assertThat(consent.body().path("errors").path("happenedAt").asText()).contains("future");
    Response unknown = postJson("karen", "/api/cases/" + caseNumber + "/consents", consent(null, "MAYBE", null));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("errors").has("partyId")).isTrue();
    assertThat(unknown.body().path("errors").has("state")).isTrue();
    assertThat(unknown.body().path("errors").has("happenedAt")).isTrue();
    assertThat(parties("karen", caseNumber)).isEmpty();
    assertThat(parties("karen", other).get(0).path("consents")).isEmpty();
  }

  @Test
  @DisplayName("another team's caseworker finds no case to read or write (404), and each refusal is audited")
  void anotherTeamIsRefused() throws Exception {
    String caseNumber = newCase();
    long mother = addParty("karen", caseNumber, mother("Vej 1", false));
    long refusals = audit.count(AuditAction.REFUSED);

    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/parties").status()).isEqualTo(404);
    assertThat(postJson("sofie", "/api/cases/" + caseNumber + "/parties", mother("Syd", false)).status())
        .isEqualTo(404);
    assertThat(postJson("sofie", "/api/cases/" + caseNumber + "/consents", consent(mother, "GIVEN", now()))
        .status()).isEqualTo(404);

    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refusals + 3);
    String trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit").body().toString();
    assertThat(trail).contains("\"username\":\"sofie\"").contains("\"reason\":\"other-team\"")
        .contains("api: parties").contains("parties: new party").contains("parties: consent");
    // the reads and writes of the case's own team are audited too
    assertThat(trail).contains("\"username\":\"karen\"");
    assertThat(parties("karen", caseNumber)).hasSize(1);
  }

  @Test
  @DisplayName("a head of the team reads the parties but may not write (403); intake finds no parties (404)")
  void headReadsIntakeIsRefused() throws Exception {
    String caseNumber = newCase();
    long mother = addParty("birgitte", caseNumber, mother("Vej 1", false));

    assertThat(parties("hanne", caseNumber)).hasSize(1);
    assertThat(postJson("hanne", "/api/cases/" + caseNumber + "/parties", mother("Vej 2", false)).status())
        .isEqualTo(403);
    assertThat(postJson("hanne", "/api/cases/" + caseNumber + "/consents", consent(mother, "GIVEN", now()))
        .status()).isEqualTo(403);
    assertThat(getJson("jens", "/api/cases/" + caseNumber + "/parties").status()).as("head of Syd").isEqualTo(404);

    assertThat(getJson("ida", "/api/cases/" + caseNumber + "/parties").status()).isEqualTo(404);
    assertThat(postJson("ida", "/api/cases/" + caseNumber + "/parties", mother("Vej 3", false)).status())
        .isEqualTo(404);
    assertThat(postJson("ida", "/api/cases/" + caseNumber + "/consents", consent(mother, "GIVEN", now()))
        .status()).isEqualTo(404);
    assertThat(parties("karen", caseNumber)).hasSize(1);
    assertThat(parties("karen", caseNumber).get(0).path("consents")).isEmpty();
  }
}
