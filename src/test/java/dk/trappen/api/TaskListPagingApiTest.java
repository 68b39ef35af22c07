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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The task list over the API, one page at a time")
class TaskListPagingApiTest extends ApiTestSupport {

  private static final LocalDate BORN = LocalDate.of(2015, 11, 23);
  private static final int NOTIFICATIONS = 60;

  /** Earliest due first, undated last, then oldest first: the order of the task list. */
  private static final Comparator<JsonNode> LIST_ORDER = Comparator
      .comparing((JsonNode t) -> t.path("due").isNull() ? null : Instant.parse(t.path("due").asText()),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(t -> Instant.parse(t.path("created").asText()));

  @Test
  @DisplayName("60 notifications give intake more than a page: pages 0 and 1 are full and disjoint, every page is in "
      + "the list's order, and the pages together are every task, as many as totalElements says")
  void pagesAreDisjointOrderedAndComplete() throws Exception {
    Set<String> caseNumbers = new HashSet<>();
    for (int i = 0; i < NOTIFICATIONS; i++) {
      // received in a shuffled order, so that the order by due date is not the order of creation
      Response r = postJson("ida", "/api/notifications", notification(i, now().minus(Duration.ofMinutes(
          1 + (i * 37L) % NOTIFICATIONS))));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      caseNumbers.add(r.body().path("caseNumber").asText());
    }

    Response first = getJson("ida", "/api/tasks?page=0");
    assertThat(first.status()).isEqualTo(200);
    JsonNode meta = first.body().path("page");
    long total = meta.path("totalElements").asLong();
    assertThat(total).isGreaterThanOrEqualTo(NOTIFICATIONS + 1);
    assertThat(meta.path("size").asInt()).isEqualTo(50);
    assertThat(meta.path("number").asInt()).isZero();
    assertThat(meta.path("totalPages").asLong()).isEqualTo((total + 49) / 50);
    assertThat(first.body().path("content")).hasSize(50);

    Response second = getJson("ida", "/api/tasks?page=1&size=50");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("page").path("number").asInt()).isEqualTo(1);
    assertThat(second.body().path("content")).hasSize((int) Math.min(50, total - 50));
    assertThat(ids(first.body().path("content"))).doesNotContainAnyElementsOf(ids(second.body().path("content")));

    // every page, in order: together each task once, sorted throughout, and all of the 60 cases' acute assessments
    List<JsonNode> all = new ArrayList<>();
    int pages = meta.path("totalPages").asInt();
    for (int page = 0; page < pages; page++) {
      Response p = getJson("ida", "/api/tasks?size=50&page=" + page);
      assertThat(p.body().path("page").path("totalElements").asLong()).isEqualTo(total);
      p.body().path("content").forEach(all::add);
    }
    assertThat(all).hasSize((int) total);
    assertThat(ids(all)).doesNotHaveDuplicates();
    assertThat(all).isSortedAccordingTo(LIST_ORDER);
    assertThat(all.stream().filter(t -> t.path("kind").asText().equals("acute-assessment"))
        .map(t -> t.path("caseNumber").asText())).containsAll(caseNumbers);
    // the first page is the list's first 50, the second its next 50: the database pages what it ordered
    assertThat(ids(first.body().path("content"))).containsExactlyElementsOf(ids(all.subList(0, 50)));
    assertThat(ids(second.body().path("content")))
        .containsExactlyElementsOf(ids(all.subList(50, (int) Math.min(100, total))));
    // a page past the end is empty and still tells the total
    Response past = getJson("ida", "/api/tasks?page=" + pages);
    assertThat(past.body().path("content")).isEmpty();
    assertThat(past.body().path("page").path("totalElements").asLong()).isEqualTo(total);
    // and the largest page holds what two pages of 50 hold, in the same order
    Response big = getJson("ida", "/api/tasks?size=200");
    assertThat(ids(big.body().path("content"))).containsExactlyElementsOf(ids(all.subList(0, (int) Math.min(200,
        total))));
  }

  @Test
  @DisplayName("a size above 200, a size below 1, a negative page or a page that is no number is a 400 problem "
      + "detail naming the field")
  void outOfRangeIsRefusedNamingTheField() throws Exception {
    Map<String, String> refused = Map.of(
        "/api/tasks?size=500", "size",
        "/api/tasks?size=0", "size",
        "/api/tasks?page=-1", "page",
        "/api/tasks?page=one", "page",
        "/api/oversight/deadlines?size=201", "size",
        "/api/oversight/deadlines?page=-3", "page");
    for (var e : refused.entrySet()) {
      String user = e.getKey().startsWith("/api/oversight") ? "birgitte" : "karen";
      Response r = getJson(user, e.getKey());
      assertThat(r.status()).as(e.getKey()).isEqualTo(400);
      assertThat(r.body().path("type").asText()).as(e.getKey()).isEqualTo("https://trappen.dk/problems/invalid-input");
      assertThat(r.body().path("errors").has(e.getValue())).as(e.getKey() + ": " + r.body()).isTrue();
    }
    assertThat(getJson("karen", "/api/tasks?size=200").status()).isEqualTo(200);
  }

  private static List<String> ids(Iterable<JsonNode> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  private Map<String, Object> notification(int serial, Instant received) {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", JourneySeeder.cpr(BORN, serial), "firstName", "Side", "lastName", "Skift",
        "birthDate", BORN.toString()));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", "Bekymring " + serial);
    n.put("receivedAt", received.toString());
    n.put("team", "nord");
    return n;
  }
}
