package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("GET /api/cases: the case search finds the cases the user may see, as much of them as they may see")
class CaseSearchApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 300));

  @Autowired
  private AuditService audit;
  @Autowired
  private CaseService cases;

  /** A child of its own (CPR matching the birth date, a surname no other test uses). */
  private record Kid(String cpr, String birth, String first, String last) {
    String dashed() {
      return cpr.substring(0, 6) + "-" + cpr.substring(6);
    }
  }

  private static Kid newKid() {
    int n = SERIAL.incrementAndGet();
    LocalDate birth = LocalDate.of(2013, 1, 1).plusDays(n % 360);
    String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "4" + String.format("%03d", n % 1000);
    StringBuilder last = new StringBuilder("Søgsen");
    for (char c : String.format("%04d", n).toCharArray()) {
      last.append((char) ('a' + (c - '0')));
    }
    return new Kid(cpr, birth.toString(), "Ea", last.toString());
  }

  private String notify(Kid kid, String team) throws Exception {
    // a concern of its own: the same payload twice is the same notification (idempotent)
    Response r = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", kid.cpr(), "firstName", kid.first(), "lastName", kid.last(), "birthDate", kid.birth()),
        "notifierKind", "RELATIVE", "concern", "Bekymring for " + team + ".", "receivedAt", now().minus(Duration.ofHours(1)).toString(),
        "team", team));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    return r.body().path("caseNumber").asText();
  }

  /** A case of the child on nord, closed by the acute assessment, and then an open case on syd. */
  private List<String> closedOnNordOpenOnSyd(Kid kid) throws Exception {
    String nord = notify(kid, "nord");
    assertThat(complete("ida", nord, "acute-assessment", Map.of("outcome", "NO_ACTION", "note", "Ingen grund."))
        .status()).isEqualTo(204);
    assertThat(cases.get(nord).open()).isFalse();
    String syd = notify(kid, "syd");
    assertThat(syd).isNotEqualTo(nord);
    return List.of(nord, syd);
  }

  private JsonNode search(String user, String params) throws Exception {
    Response r = getJson(user, "/api/cases?" + params);
    assertThat(r.status()).as(params + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.path("content").forEach(row -> numbers.add(row.path("caseNumber").asText()));
    return numbers;
  }

  @Test
  @DisplayName("karen finds a nord case by CPR with and without the dash, by the whole case number, by its "
      + "beginning and by part of the name in any case, with every field of the row")
  void caseworkerFindsHerTeamsCase() throws Exception {
    Kid kid = newKid();
    String caseNumber = notify(kid, "nord");

    for (String q : List.of(kid.cpr(), kid.dashed(), " " + kid.dashed() + " ", caseNumber,
        kid.last().toUpperCase(), "a " + kid.last().toLowerCase())) {
      assertThat(numbers(search("karen", "query=" + q))).as(q).contains(caseNumber);
    }
    assertThat(numbers(search("karen", "query=" + kid.cpr()))).containsExactly(caseNumber);
    assertThat(numbers(search("karen", "query=" + caseNumber))).containsExactly(caseNumber);
    assertThat(numbers(search("karen", "query=" + caseNumber.substring(0, 9) + "&size=200"))).contains(caseNumber)
        .allMatch(n -> n.startsWith(caseNumber.substring(0, 9)));

    JsonNode row = search("karen", "query=" + kid.cpr()).path("content").get(0);
    assertThat(row.path("childName").asText()).isEqualTo("Ea " + kid.last());
    assertThat(row.path("childBirthDate").asText()).isEqualTo(kid.birth());
    assertThat(row.path("status").asText()).isEqualTo("OPEN");
    assertThat(row.path("team").asText()).isEqualTo("nord");
    assertThat(row.path("teamName").asText()).isEqualTo("Team Nord");
    assertThat(row.has("openedAt")).isTrue();
    // never the CPR number in the answer
    assertThat(row.toString()).doesNotContain(kid.cpr().substring(6));
  }

  @Test
  @DisplayName("sofie (syd) never finds a nord child, not by CPR, case number or name; the child's nord case is not "
      + "named among its other cases either")
  void anotherTeamsCaseIsNotFound() throws Exception {
    Kid kid = newKid();
    List<String> both = closedOnNordOpenOnSyd(kid);
    Kid onlyNord = newKid();
    String nordOnly = notify(onlyNord, "nord");

    for (String q : List.of(onlyNord.cpr(), onlyNord.dashed(), nordOnly, onlyNord.last())) {
      JsonNode page = search("sofie", "query=" + q);
      assertThat(page.path("content")).as(q).isEmpty();
      assertThat(page.path("page").path("totalElements").asInt()).isZero();
    }
    JsonNode sofies = search("sofie", "query=" + kid.dashed());
    assertThat(numbers(sofies)).containsExactly(both.get(1));
    assertThat(sofies.path("content").get(0).path("otherCases")).isEmpty();
    assertThat(sofies.toString()).doesNotContain(both.get(0));
    // and karen sees the closed nord case, not the syd one
    JsonNode karens = search("karen", "query=" + kid.cpr());
    assertThat(numbers(karens)).containsExactly(both.get(0));
    assertThat(karens.path("content").get(0).path("status").asText()).isEqualTo("CLOSED");
    assertThat(karens.path("content").get(0).has("closedAt")).isTrue();
    assertThat(karens.toString()).doesNotContain(both.get(1));
  }

  @Test
  @DisplayName("intake finds the child's cases across teams, open and closed, with only the intake view's fields, "
      + "each naming the other; without a query intake gets no list")
  void intakeFindsTheChildsEarlierCases() throws Exception {
    Kid kid = newKid();
    List<String> both = closedOnNordOpenOnSyd(kid);
    JsonNode page = search("ida", "query=" + kid.dashed() + "&sort=caseNumber");
    assertThat(numbers(page)).containsExactly(both.get(0), both.get(1));
    for (JsonNode row : page.path("content")) {
      List<String> fields = new ArrayList<>();
      row.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).isSubsetOf("caseNumber", "childName", "childBirthDate", "status", "team", "teamName",
          "openedAt", "closedAt", "otherCases", "siblings").doesNotContain("caseworker");
      assertThat(row.path("otherCases")).hasSize(1);
    }
    assertThat(page.path("content").get(0).path("otherCases").get(0).path("caseNumber").asText())
        .isEqualTo(both.get(1));
    assertThat(search("ida", "").path("content")).isEmpty();
    // by name too, across teams
    assertThat(numbers(search("ida", "query=" + kid.last()))).containsExactlyInAnyOrder(both.get(0), both.get(1));
  }

  @Test
  @DisplayName("an administrator is refused the search (403)")
  void administratorIsRefused() throws Exception {
    assertThat(getJson("admin", "/api/cases?query=Ea").status()).isEqualTo(403);
    assertThat(getJson("admin", "/api/cases").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("mine=true lists only the cases where karen is the caseworker; the status filter keeps open or closed")
  void mineAndStatusFilter() throws Exception {
    Kid kid = newKid();
    String karens = notify(kid, "nord");
    String lars = notify(newKid(), "nord");
    assertThat(postJson("birgitte", "/api/reassignments/cases", Map.of("caseNumbers", List.of(karens),
        "caseworker", "karen")).status()).isEqualTo(200);
    assertThat(postJson("birgitte", "/api/reassignments/cases", Map.of("caseNumbers", List.of(lars),
        "caseworker", "lars")).status()).isEqualTo(200);

    JsonNode mine = search("karen", "mine=true&size=200");
    assertThat(numbers(mine)).contains(karens).doesNotContain(lars);
    mine.path("content").forEach(row -> assertThat(row.path("caseworker").asText()).isEqualTo("karen"));
    assertThat(numbers(search("karen", "size=200"))).contains(karens, lars);

    Kid closing = newKid();
    String closed = notify(closing, "nord");
    complete("ida", closed, "acute-assessment", Map.of("outcome", "NO_ACTION", "note", "Ingen grund."));
    assertThat(numbers(search("karen", "status=CLOSED&size=200"))).contains(closed).doesNotContain(karens);
    assertThat(numbers(search("karen", "status=OPEN&size=200"))).contains(karens).doesNotContain(closed);
    search("karen", "status=CLOSED&size=200").path("content")
        .forEach(row -> assertThat(row.path("status").asText()).isEqualTo("CLOSED"));
  }

  @Test
  @DisplayName("a bad page, size, status, mine or sort is a 400 problem detail naming the field, all fields at once")
  void badParametersAreNamed() throws Exception {
    Map<String, String> refused = Map.of(
        "page=-1", "page", "page=x", "page", "size=0", "size", "size=201", "size",
        "status=ACTIVE", "status", "mine=yes", "mine", "sort=cpr", "sort", "query=" + "a".repeat(101), "query");
    for (var e : refused.entrySet()) {
      Response r = getJson("karen", "/api/cases?" + e.getKey());
      assertThat(r.status()).as(e.getKey()).isEqualTo(400);
      assertThat(r.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/invalid-input");
      assertThat(r.body().path("errors").has(e.getValue())).as(e.getKey() + ": " + r.body()).isTrue();
    }
    Response all = getJson("karen", "/api/cases?status=x&sort=y&size=0");
    assertThat(all.body().path("errors").has("status")).isTrue();
    assertThat(all.body().path("errors").has("sort")).isTrue();
    assertThat(all.body().path("errors").has("size")).isTrue();
    assertThat(getJson("karen", "/api/cases?status=closed&sort=child&mine=false&page=0&size=200").status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a search is audited: a read row per case shown naming the kind of search, never the CPR number; a "
      + "search that finds nothing is one row without a case")
  void searchIsAudited() throws Exception {
    Kid kid = newKid();
    List<String> both = closedOnNordOpenOnSyd(kid);
    long reads = audit.count(AuditAction.READ);
    search("ida", "query=" + kid.cpr());
    assertThat(audit.count(AuditAction.READ)).isEqualTo(reads + 2);
    for (String n : both) {
      List<AuditService.AuditView> trail = audit.ofCase(cases.get(n).id());
      assertThat(trail).anySatisfy(row -> {
        assertThat(row.username()).isEqualTo("ida");
        assertThat(row.action()).isEqualTo(AuditAction.READ);
        assertThat(row.what()).isEqualTo("api: case search by cpr");
      });
      assertThat(trail.toString()).doesNotContain(kid.cpr()).doesNotContain(kid.dashed());
    }

    long before = audit.count(AuditAction.READ);
    assertThat(search("sofie", "query=Ingen" + kid.last()).path("content")).isEmpty();
    assertThat(audit.count(AuditAction.READ)).isEqualTo(before + 1);
    assertThat(audit.between(now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(365))))
        .anySatisfy(row -> {
          assertThat(row.username()).isEqualTo("sofie");
          assertThat(row.caseNumber()).isNull();
          assertThat(row.what()).isEqualTo("api: case search by name");
        });
  }

  private void addCustodyHolder(String user, String caseNumber, String cpr, boolean custody) throws Exception {
    Map<String, Object> party = new java.util.HashMap<>();
    party.put("role", custody ? "CUSTODY_HOLDER" : "RELATIVE");
    party.put("name", "Fælles Forælder");
    party.put("custody", custody);
    party.put("cpr", cpr);
    Response r = postJson(user, "/api/cases/" + caseNumber + "/parties", party);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
  }

  @Test
  @DisplayName("a child's siblings are the children whose cases share a custody holder (the same CPR number with "
      + "custody on both): karen sees the nord sibling and not the syd one, intake sees both, a relative of the same "
      + "CPR number without custody makes no sibling, and every sibling case shown is audited as read")
  void siblingsShareACustodyHolder() throws Exception {
    Kid kid = newKid();
    Kid brother = newKid();
    Kid sister = newKid();
    Kid cousin = newKid();
    String kidCase = notify(kid, "nord");
    String brotherCase = notify(brother, "nord");
    String sisterCase = notify(sister, "syd");
    String cousinCase = notify(cousin, "nord");
    int n = SERIAL.incrementAndGet();
    String parent = DateTimeFormatter.ofPattern("ddMMyy").format(LocalDate.of(1985, 1, 1).plusDays(n % 360))
        + "5" + String.format("%03d", n % 1000);
    addCustodyHolder("karen", kidCase, parent, true);
    addCustodyHolder("karen", brotherCase, parent, true);
    addCustodyHolder("sofie", sisterCase, parent, true);
    addCustodyHolder("karen", cousinCase, parent, false);

    JsonNode karens = search("karen", "query=" + kid.cpr()).path("content").get(0);
    assertThat(karens.path("siblings")).hasSize(1);
    assertThat(karens.path("siblings").get(0).path("caseNumber").asText()).isEqualTo(brotherCase);
    assertThat(karens.path("siblings").get(0).path("childName").asText()).isEqualTo("Ea " + brother.last());
    assertThat(karens.toString()).doesNotContain(sisterCase).doesNotContain(cousinCase).doesNotContain(parent);

    long reads = audit.count(AuditAction.READ);
    JsonNode idas = search("ida", "query=" + kid.cpr()).path("content").get(0);
    List<String> siblingCases = new ArrayList<>();
    idas.path("siblings").forEach(s -> siblingCases.add(s.path("caseNumber").asText()));
    assertThat(siblingCases).containsExactlyInAnyOrder(brotherCase, sisterCase);
    assertThat(audit.count(AuditAction.READ)).as("the case found and its two siblings' cases").isEqualTo(reads + 3);

    JsonNode cousins = search("karen", "query=" + cousin.cpr()).path("content").get(0);
    assertThat(cousins.has("siblings") ? cousins.path("siblings") : cousins.path("none")).isEmpty();
  }
}
