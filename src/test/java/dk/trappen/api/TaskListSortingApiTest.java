package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The task list over the API in the order asked for, sorted by the database before it pages")
class TaskListSortingApiTest extends ApiTestSupport {

  private static final LocalDate BORN = LocalDate.of(2016, 4, 9);
  private static final int NOTIFICATIONS = 12;
  private static final int PAGE = 7;

  private static final Comparator<String> TEXT = Comparator.naturalOrder();

  /** The due order of the list: earliest due first, then oldest first, then by id (undated handled by callers). */
  private static Comparator<JsonNode> dueOrder(boolean descending) {
    Comparator<JsonNode> c = Comparator.comparing((JsonNode t) -> instant(t, "due"))
        .thenComparing(t -> instant(t, "created")).thenComparing(t -> t.path("id").asText(), TEXT);
    return undatedLast(t -> t.path("due").isNull() ? null : t, descending ? c.reversed() : c);
  }

  /** Tasks without a value for the key last, in either direction; the others in {@code order}. */
  private static Comparator<JsonNode> undatedLast(Function<JsonNode, JsonNode> key, Comparator<JsonNode> order) {
    return Comparator.comparing(key, Comparator.nullsLast(order));
  }

  private static Comparator<JsonNode> byText(String field, boolean descending) {
    Comparator<String> text = descending ? TEXT.reversed() : TEXT;
    return Comparator.comparing((JsonNode t) -> t.path(field).isNull() ? null : t.path(field).asText(),
        Comparator.nullsLast(text)).thenComparing(dueOrder(descending));
  }

  private static final Map<String, Comparator<JsonNode>> ORDERS = Map.of(
      "due/asc", dueOrder(false),
      "due/desc", dueOrder(true),
      "received/asc", Comparator.comparing((JsonNode t) -> instant(t, "created"))
          .thenComparing(t -> t.path("id").asText(), TEXT),
      "received/desc", Comparator.comparing((JsonNode t) -> instant(t, "created"))
          .thenComparing(t -> t.path("id").asText(), TEXT).reversed(),
      "case/asc", byText("caseNumber", false),
      "case/desc", byText("caseNumber", true),
      "kind/asc", byText("name", false),
      "kind/desc", byText("name", true));

  @Test
  @DisplayName("each sort key in both directions: the list read 7 to a page is in that order across every page "
      + "boundary, each task once, and its first two pages are the first 14 of the list read in one page")
  void everyKeyInBothDirectionsAcrossPages() throws Exception {
    for (int i = 0; i < NOTIFICATIONS; i++) {
      // created a minute apart, received in a shuffled order: the order by due date is not the order of creation
      moveClockTo(START.plus(Duration.ofMinutes(i)));
      Response r = postJson("ida", "/api/notifications", notification(i, START.minus(Duration.ofMinutes(
          1 + (i * 5L) % NOTIFICATIONS))));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    int total = getJson("ida", "/api/tasks?size=1").body().path("page").path("totalElements").asInt();
    assertThat(total).isGreaterThanOrEqualTo(2 * NOTIFICATIONS);

    for (var e : ORDERS.entrySet()) {
      String[] order = e.getKey().split("/");
      String query = "/api/tasks?sort=" + order[0] + "&dir=" + order[1];
      List<JsonNode> paged = new ArrayList<>();
      for (int page = 0; page * PAGE < total; page++) {
        Response r = getJson("ida", query + "&size=" + PAGE + "&page=" + page);
        assertThat(r.status()).as(query).isEqualTo(200);
        assertThat(r.body().path("page").path("totalElements").asInt()).as(query).isEqualTo(total);
        r.body().path("content").forEach(paged::add);
      }
      assertThat(paged).as(query).hasSize(total);
      assertThat(ids(paged)).as(query).doesNotHaveDuplicates();
      assertThat(paged).as(query).isSortedAccordingTo(e.getValue());
      List<JsonNode> whole = new ArrayList<>();
      getJson("ida", query + "&size=200").body().path("content").forEach(whole::add);
      assertThat(ids(paged.subList(0, 2 * PAGE))).as(query).containsExactlyElementsOf(ids(whole.subList(0, 2 * PAGE)));
    }

    // the default is the due order ascending, with or without its parameters, in any case
    List<String> plain = ids(getJson("ida", "/api/tasks?size=200").body().path("content"));
    assertThat(ids(getJson("ida", "/api/tasks?size=200&sort=due&dir=asc").body().path("content")))
        .containsExactlyElementsOf(plain);
    assertThat(ids(getJson("ida", "/api/tasks?size=200&sort=DUE").body().path("content")))
        .containsExactlyElementsOf(plain);
    // a direction turns the order round: received desc is received asc backwards
    List<String> receivedAsc = ids(getJson("ida", "/api/tasks?size=200&sort=received").body().path("content"));
    List<String> receivedDesc = new ArrayList<>(ids(getJson("ida", "/api/tasks?size=200&sort=received&dir=desc")
        .body().path("content")));
    if (total <= 200) {
      java.util.Collections.reverse(receivedDesc);
      assertThat(receivedDesc).containsExactlyElementsOf(receivedAsc);
    }
  }

  @Test
  @DisplayName("an unknown sort is a 400 problem detail naming sort, an unknown direction one naming dir, both at "
      + "once with an unknown scope and a page out of range too")
  void unknownSortIsRefusedNamingTheField() throws Exception {
    Response sort = getJson("karen", "/api/tasks?sort=priority");
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/invalid-input");
    assertThat(sort.body().path("errors").has("sort")).as(sort.body().toString()).isTrue();
    assertThat(sort.body().path("errors").path("sort").asText()).contains("priority").contains("received");
    assertThat(sort.body().path("problems").get(0).path("field").asText()).isEqualTo("sort");
    assertThat(sort.body().path("problems").get(0).path("code").asText()).isEqualTo("problem.tasks.sort");

    Response dir = getJson("karen", "/api/tasks?sort=case&dir=up");
    assertThat(dir.status()).isEqualTo(400);
    assertThat(dir.body().path("errors").has("dir")).isTrue();
    assertThat(dir.body().path("errors").has("sort")).isFalse();

    Response all = getJson("karen", "/api/tasks?sort=x&dir=y&scope=everyone&page=-1");
    assertThat(all.status()).isEqualTo(400);
    assertThat(all.body().path("errors").has("sort")).isTrue();
    assertThat(all.body().path("errors").has("dir")).isTrue();
    assertThat(all.body().path("errors").has("scope")).isTrue();
    assertThat(all.body().path("errors").has("page")).isTrue();

    assertThat(getJson("karen", "/api/tasks?sort=kind&dir=DESC").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("kind and state filter the list as the page's filters do: only tasks of that kind, only tasks whose "
      + "open deadline is in that state; a bad kind or state is refused naming each, with the other fields")
  void kindAndStateFilterTheList() throws Exception {
    moveClockTo(START.plus(Duration.ofHours(2)));
    Response created = postJson("ida", "/api/notifications", notification(40, START.plus(Duration.ofHours(1))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    JsonNode acute = getJson("ida", "/api/tasks?size=200&kind=acute-assessment").body().path("content");
    assertThat(acute).isNotEmpty().allSatisfy(t -> assertThat(t.path("kind").asText()).isEqualTo("acute-assessment"));
    long acuteTotal = getJson("ida", "/api/tasks?size=1&kind=acute-assessment").body().path("page")
        .path("totalElements").asLong();
    long allTotal = getJson("ida", "/api/tasks?size=1").body().path("page").path("totalElements").asLong();
    assertThat(acuteTotal).as("ida also has acknowledgements to send").isPositive().isLessThan(allTotal);
    JsonNode open = getJson("ida", "/api/tasks?size=200&state=open").body().path("content");
    assertThat(open).isNotEmpty().allSatisfy(t -> assertThat(t.path("state").asText()).isEqualTo("OPEN"));

    Response bad = getJson("ida", "/api/tasks?kind=%3Cscript%3E&state=LATE&sort=x");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").has("kind")).isTrue();
    assertThat(bad.body().path("errors").has("state")).isTrue();
    assertThat(bad.body().path("errors").has("sort")).isTrue();
  }

  private static Instant instant(JsonNode t, String field) {
    return t.path(field).isNull() || t.path(field).isMissingNode() ? null : Instant.parse(t.path(field).asText());
  }

  private static List<String> ids(Iterable<JsonNode> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  private Map<String, Object> notification(int serial, Instant received) {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", JourneySeeder.cpr(BORN, serial), "firstName", "Sortering", "lastName", "Barn" + serial,
        "birthDate", BORN.toString()));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", "Bekymring " + serial);
    n.put("receivedAt", received.toString());
    n.put("team", "nord");
    return n;
  }
}
