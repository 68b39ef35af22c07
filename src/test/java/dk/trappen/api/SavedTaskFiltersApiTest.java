package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
@DisplayName("Saved task list filters over the API: each user's own, validated, unique by name, audited")
class SavedTaskFiltersApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  @Autowired
  private AuditService audit;

  @Test
  @DisplayName("a filter is saved with its values as the list names them, listed, recorded in the audit and deleted "
      + "by its owner; deleted twice it is not found")
  void saveListAndDelete() throws Exception {
    String name = unique("Mine forsinkede");
    Response saved = postJson("karen", "/api/tasks/filters", Map.of("name", "  " + name + " ", "kind",
        "acute-assessment", "state", "overdue", "scope", "MINE", "sort", "Received", "dir", "desc"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    JsonNode f = saved.body();
    assertThat(f.path("name").asText()).isEqualTo(name);
    assertThat(f.path("kind").asText()).isEqualTo("acute-assessment");
    assertThat(f.path("state").asText()).isEqualTo("OVERDUE");
    assertThat(f.path("scope").asText()).isEqualTo("mine");
    assertThat(f.path("sort").asText()).isEqualTo("received");
    assertThat(f.path("dir").asText()).isEqualTo("desc");
    assertThat(f.has("href")).isFalse();
    long id = f.path("id").asLong();

    assertThat(names(getJson("karen", "/api/tasks/filters").body())).contains(name);
    // what the filter names, the task list accepts
    assertThat(getJson("karen", "/api/tasks?scope=mine&sort=received&dir=desc").status()).isEqualTo(200);
    assertThat(audit.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
        .anyMatch(a -> a.username().equals("karen") && a.action() == AuditAction.WRITE
            && a.what().startsWith("task filter saved: '" + name + "'"));

    assertThat(call("karen", delete("/api/tasks/filters/" + id)).status()).isEqualTo(204);
    assertThat(names(getJson("karen", "/api/tasks/filters").body())).doesNotContain(name);
    assertThat(audit.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
        .anyMatch(a -> a.username().equals("karen") && a.action() == AuditAction.WRITE
            && a.what().equals("task filter deleted: '" + name + "'"));
    Response again = call("karen", delete("/api/tasks/filters/" + id));
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/not-found");
  }

  @Test
  @DisplayName("a filter with every field wrong is a 400 naming name, kind, state, scope, sort and dir at once; a "
      + "missing body or blank name is a 400 naming name; a name over 60 characters is too long")
  void everyProblemAtOnce() throws Exception {
    Map<String, Object> wrong = new HashMap<>();
    wrong.put("name", " ");
    wrong.put("kind", "no such kind!");
    wrong.put("state", "LATE");
    wrong.put("scope", "everyone");
    wrong.put("sort", "priority");
    wrong.put("dir", "up");
    Response r = postJson("karen", "/api/tasks/filters", wrong);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/invalid-input");
    assertThat(fields(r.body())).containsExactlyInAnyOrder("name", "kind", "state", "scope", "sort", "dir");
    assertThat(r.body().path("errors").path("name").asText()).isEqualTo("is required");

    Response empty = call("karen", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .post("/api/tasks/filters").contentType("application/json").content("{}"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(fields(empty.body())).containsExactly("name");

    Response tooLong = postJson("karen", "/api/tasks/filters", Map.of("name", "x".repeat(61)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().path("errors").path("name").asText()).isEqualTo("must be at most 60 characters");
    Response controls = postJson("karen", "/api/tasks/filters", Map.of("name", "a\u0007b"));
    assertThat(controls.status()).isEqualTo(400);
    assertThat(fields(controls.body())).containsExactly("name");
    assertThat(postJson("karen", "/api/tasks/filters", Map.of("name", "x".repeat(60))).status()).isIn(201, 409);
  }

  @Test
  @DisplayName("a name the user has already used, in any case, is a 409 naming name; another user may use it")
  void duplicateNameIsAConflict() throws Exception {
    String name = unique("Akutte");
    assertThat(postJson("karen", "/api/tasks/filters", Map.of("name", name)).status()).isEqualTo(201);
    Response again = postJson("karen", "/api/tasks/filters", Map.of("name", name.toUpperCase(), "sort", "case"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/conflict");
    assertThat(fields(again.body())).containsExactly("name");
    assertThat(names(getJson("karen", "/api/tasks/filters").body()).stream().filter(n -> n.equalsIgnoreCase(name)))
        .hasSize(1);
    assertThat(postJson("lars", "/api/tasks/filters", Map.of("name", name)).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("two saves of one name at once: one is saved and the other is a 409 naming name, never a 500")
  void raceHasOneWinner() throws Exception {
    for (int round = 0; round < 3; round++) {
      String name = unique("Kapløb");
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          calls.add(() -> postJson("lars", "/api/tasks/filters", Map.of("name", name)));
        }
        List<Response> answers = atOnce(pool, calls);
        assertThat(answers.stream().map(Response::status)).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
        Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(fields(lost.body())).containsExactly("name");
      } finally {
        pool.shutdownNow();
      }
      assertThat(names(getJson("lars", "/api/tasks/filters").body()).stream().filter(name::equals)).hasSize(1);
    }
  }

  @Test
  @DisplayName("another user's filter is not in one's list, and deleting it is a 404 that leaves it be; an id that is "
      + "no number is a 404 too")
  void anotherUsersFilterIsNotFound() throws Exception {
    String name = unique("Karens eget");
    long id = postJson("karen", "/api/tasks/filters", Map.of("name", name)).body().path("id").asLong();
    assertThat(names(getJson("sofie", "/api/tasks/filters").body())).doesNotContain(name);
    assertThat(call("sofie", delete("/api/tasks/filters/" + id)).status()).isEqualTo(404);
    assertThat(call("birgitte", delete("/api/tasks/filters/" + id)).status()).isEqualTo(404);
    assertThat(names(getJson("karen", "/api/tasks/filters").body())).contains(name);
    assertThat(call("karen", delete("/api/tasks/filters/abc")).status()).isEqualTo(404);
    // a head of department and an administrator have no task list, and no filters of it
    assertThat(getJson("admin", "/api/tasks/filters").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("a user has at most 20 filters: the 21st is a 400 naming filters, and once one is deleted a new one "
      + "is saved")
  void atMostTwentyPerUser() throws Exception {
    List<Long> made = new ArrayList<>();
    int existing = getJson("henrik", "/api/tasks/filters").body().size();
    for (int i = existing; i < 20; i++) {
      Response r = postJson("henrik", "/api/tasks/filters", Map.of("name", unique("Filter " + i)));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      made.add(r.body().path("id").asLong());
    }
    Response over = postJson("henrik", "/api/tasks/filters", Map.of("name", unique("Ét for meget")));
    assertThat(over.status()).isEqualTo(400);
    assertThat(fields(over.body())).containsExactly("filters");
    assertThat(over.body().path("errors").path("filters").asText()).contains("20");
    // every problem at once: the limit and a blank name together
    assertThat(fields(postJson("henrik", "/api/tasks/filters", Map.of("name", "")).body()))
        .containsExactlyInAnyOrder("name", "filters");

    long first = getJson("henrik", "/api/tasks/filters").body().get(0).path("id").asLong();
    assertThat(call("henrik", delete("/api/tasks/filters/" + first)).status()).isEqualTo(204);
    assertThat(postJson("henrik", "/api/tasks/filters", Map.of("name", unique("Plads igen"))).status())
        .isEqualTo(201);
    // leave henrik without filters for the other tests sharing the database
    for (JsonNode f : getJson("henrik", "/api/tasks/filters").body()) {
      assertThat(call("henrik", delete("/api/tasks/filters/" + f.path("id").asLong())).status()).isEqualTo(204);
    }
  }

  private static String unique(String name) {
    return name + " " + SERIAL.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
  }

  private static List<String> names(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.path("name").asText()));
    return names;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").fieldNames().forEachRemaining(fields::add);
    return fields;
  }
}
