package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.testsupport.JourneySeeder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a visitor runs it, in its own JVM on an H2 file with the job executor on: a few hundred cases, the clock
 * moved 120 days. The job executor runs the timers (the clock no longer runs them beside it), every overdue deadline is
 * escalated exactly once, nothing is logged at ERROR, the answer counts what ran, and after a restart the clock is
 * where it was moved to.
 */
@DisplayName("The demo clock moved 120 days: every deadline escalated once, no error, and the time kept over a restart")
class DemoClockTest {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
  private static final int CASES = Integer.getInteger("trappen.democlock.cases", 300);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("300 cases, 120 days: each due job runs once, each overdue deadline is escalated once, no ERROR line, "
      + "and a restart keeps the clock")
  void hundredTwentyDays(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("trappen").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    ClusterNodeProcess node = start("democlock-1", dir, url);
    Instant moved;
    String log;
    try {
      String base = awaitBooted(node);
      // the demo data is written after start-up, with the clock held at its sample cases' times: until it is done,
      // every request is answered 503 (Retry-After), never with the clock months back
      int refused = 0;
      // (the sample cases and the year of history: minutes on a busy machine)
      long seeded = System.currentTimeMillis() + 360_000;
      HttpResponse<String> clock = http("GET", base + "/api/demo/clock", "admin", null);
      while (clock.statusCode() == 503 && System.currentTimeMillis() < seeded) {
        assertThat(clock.headers().firstValue("Retry-After")).contains("5");
        refused++;
        Thread.sleep(100);
        clock = http("GET", base + "/api/demo/clock", "admin", null);
      }
      assertThat(clock.statusCode()).as(clock.body()).isEqualTo(200);
      assertThat(node.output()).contains("Demo data created");
      System.out.println("DemoClockTest: " + refused + " requests answered 503 while the demo data was laid out");
      register(base);
      long before = System.currentTimeMillis();
      HttpResponse<String> move = http("POST", base + "/api/demo/clock", "admin", "{\"advance\":\"P120D\"}");
      assertThat(move.statusCode()).as(move.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(move.body());
      System.out.println("DemoClockTest: " + CASES + " cases registered; the move to " + answer.path("now").asText()
          + " took " + (System.currentTimeMillis() - before) + " ms: " + answer.path("jobsDue").asInt()
          + " jobs due, " + answer.path("timersFired").asInt() + " ran, settled " + answer.path("settled"));
      assertThat(answer.path("settled").asBoolean()).isTrue();
      assertThat(answer.path("jobsDue").asInt()).isGreaterThan(CASES);
      assertThat(answer.path("timersFired").asInt()).isEqualTo(answer.path("jobsDue").asInt());
      moved = Instant.parse(answer.path("now").asText());

      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        long unescalated = count(c, "select count(*) from deadline where due_at < ? and met_at is null "
            + "and cancelled_at is null and escalated_at is null", moved);
        long escalated = count(c, "select count(*) from deadline where escalated_at is not null", null);
        long duplicates = count(c, "select count(*) from (select message_key from outbox_message "
            + "group by message_key having count(*) > 1) d", null);
        long incidents = count(c, "select count(*) from act_ru_incident", null);
        System.out.println("DemoClockTest: " + escalated + " deadlines escalated, " + unescalated
            + " overdue and not escalated, " + duplicates + " duplicate notices, " + incidents + " incidents");
        assertThat(escalated).isGreaterThan(CASES);
        assertThat(unescalated).isZero();
        assertThat(duplicates).isZero();
        assertThat(incidents).isZero();
      }
      // the log of the whole run up to the stop (H2's own shutdown hook may close the file under the last scheduled
      // work when the process is stopped, which is not the clock's doing)
      log = node.output();
    } finally {
      node.stop();
    }
    assertThat(log).doesNotContain(" ERROR ").doesNotContain("ENGINE-14026");

    ClusterNodeProcess again = start("democlock-2", dir, url);
    try {
      String base = awaitStarted(again);
      JsonNode clock = JSON.readTree(http("GET", base + "/api/demo/clock", "admin", null).body());
      Instant now = Instant.parse(clock.path("now").asText());
      System.out.println("DemoClockTest: after the restart the clock reads " + now + " (moved to " + moved + ")");
      assertThat(now).isAfterOrEqualTo(moved).isBefore(moved.plus(Duration.ofMinutes(10)));
    } finally {
      again.stop();
    }
  }

  private static ClusterNodeProcess start(String name, Path dir, String url) throws Exception {
    return ClusterNodeProcess.start(name, Path.of("target", "cluster"),
        List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"),
        List.of("--server.port=0", "--spring.datasource.url=" + url, "--trappen.demo.enabled=true"),
        Map.of("TRAPPEN_NODE_NAME", name));
  }

  private static String awaitStarted(ClusterNodeProcess node) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (!node.started() && node.alive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertThat(node.started()).as(node.output()).isTrue();
    return port(node);
  }

  /** Waits until the web server listens, before the demo data is laid out. */
  private static String awaitBooted(ClusterNodeProcess node) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (!node.booted() && node.alive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(node.booted()).as(node.output()).isTrue();
    return port(node);
  }

  private static String port(ClusterNodeProcess node) {
    Matcher port = PORT.matcher(node.output());
    assertThat(port.find()).isTrue();
    return "http://localhost:" + port.group(1);
  }

  /** Registers the notifications from four clients, each answered 201. */
  private static void register(String base) throws Exception {
    // the demo's own time (its sample cases may have set it apart from the real time)
    Instant now = Instant.parse(JSON.readTree(http("GET", base + "/api/demo/clock", "admin", null).body())
        .path("now").asText());
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        int serial = i;
        answers.add(clients.submit(() -> {
          LocalDate born = LocalDate.of(2012, 1, 1).plusDays(serial % 1500);
          String body = """
              {"child":{"cpr":"%s","firstName":"Demo","lastName":"Barn","birthDate":"%s"},
               "notifierKind":"SCHOOL","notifierOrganisation":"Skolen","concern":"Bekymring %d",
               "receivedAt":"%s","team":"%s"}""".formatted(JourneySeeder.cpr(born, 4000 + serial / 1500), born,
              serial, now.minusSeconds(600), serial % 2 == 0 ? "nord" : "syd");
          return http("POST", base + "/api/notifications", "ida", body);
        }));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
      }
    } finally {
      clients.shutdown();
    }
  }

  private static HttpResponse<String> http(String method, String url, String user, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(Connection c, String sql, Instant at) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (at != null) {
        s.setTimestamp(1, Timestamp.from(at));
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
