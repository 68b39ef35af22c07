package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dk.trappen.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "storage faults fail loudly and heal": Trappen runs as its own JVM on the embedded H2 file as shipped, and
 * its disk fills up: the process's file size limit is set to the size the data file has ({@code prlimit --fsize}, what
 * a full disk looks like to the process: the write fails with an I/O error). Intake goes on during the fault. Every
 * answer is a 201 that is stored or a 503 problem detail (never a 2xx that is lost, a 401 or a 500), and health and
 * readiness say DOWN (reads may be served meanwhile, or answered 503 too). Then the limit is lifted, and the same process, not
 * restarted, is ready again: sign-in, reads and writes work, every acknowledged notification is there once, and the
 * refused ones were not stored.
 */
@DisplayName("Storage that cannot write is answered 503, reported DOWN, and heals without a restart")
class StorageFaultTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final int MAX_SENT_INTO_FAULT = 200;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ClusterNodeProcess node;

  @AfterEach
  void stopNode() throws InterruptedException {
    if (node != null && node.alive()) {
      node.stop();
    }
  }

  /** One notification sent: its key, its body and the answer. */
  private record Sent(String key, String body, int status, long notificationId) {
  }

  @Test
  @DisplayName("on the embedded H2 file, a full disk is answered 503 and DOWN, and once there is room the same "
      + "process signs in, reads and stores again with every acknowledged notification there once")
  void fullDiskOnH2(@TempDir Path dir) throws Exception {
    String url = IntakeNodes.shippedH2Url(dir.resolve("trappen"));
    Path dataFile = dir.resolve("trappen.mv.db");
    IntakeNodes.seedStaff(url, "sa", "fault");
    node = IntakeNodes.started(ClusterNodeProcess.start("storage-fault-h2", Path.of("target", "cluster"),
        List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
        List.of("--spring.profiles.active=fault", "--spring.datasource.url=" + url, "--trappen.demo.enabled=false",
            "--trappen.node-name=storage-fault", "--server.port=0"),
        Map.of()));
    faultAndRecovery("H2 (the data file may not grow: prlimit --fsize, as a full disk)", true, new Fault() {
      @Override
      public void begin() throws Exception {
        prlimit(node.pid(), "--fsize=" + Files.size(dataFile) + ":");
      }

      @Override
      public void end() throws Exception {
        prlimit(node.pid(), "--fsize=unlimited:");
      }
    });
  }

  @Test
  @DisplayName("on PostgreSQL with the production profile, a database that turns read-only (as a standby after a "
      + "failover) is answered 503 and DOWN, and once it writes again the same process stores again")
  void readOnlyPostgres() throws Exception {
    try (TestPostgres postgres = TestPostgres.start()) {
      String url = postgres.createDatabase("fault");
      String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      IntakeNodes.seedStaff(url, postgres.username(), "postgres");
      node = IntakeNodes.started(ClusterNodeProcess.start("storage-fault-pg", url, postgres.username()));
      faultAndRecovery("PostgreSQL (default_transaction_read_only on, sessions ended)", false, new Fault() {
        @Override
        public void begin() throws Exception {
          readOnly(postgres, url, database, true);
        }

        @Override
        public void end() throws Exception {
          readOnly(postgres, url, database, false);
        }
      });
      node.stop();
    }
  }

  /** A storage fault that begins and ends while the node runs. */
  private interface Fault {
    void begin() throws Exception;

    void end() throws Exception;
  }

  /**
   * Intake before, during and after the fault. {@code pages}: whether a signed-in page is checked too (not in the
   * production profile, whose session cookie is sent over HTTPS only).
   */
  private void faultAndRecovery(String what, boolean pages, Fault fault) throws Exception {
    String base = IntakeNodes.base(node);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    if (pages) {
      signIn(browser, base);
    }
    assertThat(status(get(base, "/actuator/health/readiness", null))).isEqualTo(200);

    Instant receivedAt = Instant.now().minus(Duration.ofHours(1));
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(send(base, i, receivedAt));
    }
    assertThat(sent).as("before the fault").allMatch(s -> s.status() == 201);

    fault.begin();
    Map<String, String> refusals = new LinkedHashMap<>();
    int serial = 10;
    while (serial < 10 + MAX_SENT_INTO_FAULT && sent.stream().skip(10).noneMatch(s -> s.status() == 503)) {
      Sent s = send(base, serial++, receivedAt);
      sent.add(s);
    }
    // a few more, now that the database is known to refuse
    for (int i = 0; i < 5; i++) {
      sent.add(send(base, serial++, receivedAt));
    }
    HttpResponse<String> refused = IntakeNodes.postNotification(http, base, "fault-probe",
        IntakeNodes.notification(LocalDate.of(2013, 6, 1), 999, receivedAt));
    int health = status(get(base, "/actuator/health", null));
    int readiness = status(get(base, "/actuator/health/readiness", null));
    int liveness = status(get(base, "/actuator/health/liveness", null));
    int apiRead = status(get(base, "/api/tasks", IntakeNodes.basic()));
    int page = pages ? page(browser, base) : 0;

    fault.end();
    long lifted = System.nanoTime();
    int ready = 0;
    while (ready != 200 && System.nanoTime() - lifted < Duration.ofSeconds(60).toNanos()) {
      Thread.sleep(250);
      ready = status(get(base, "/actuator/health/readiness", null));
    }
    long recoveredMillis = Duration.ofNanos(System.nanoTime() - lifted).toMillis();
    int readAfter = status(get(base, "/api/tasks", IntakeNodes.basic()));
    int pageAfter = pages ? page(browser, base) : 0;
    Sent after = send(base, serial, receivedAt);

    // every acknowledged notification is there once (its retry returns its first receipt); the refused ones are not
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Sent s : sent) {
      HttpResponse<String> retry = IntakeNodes.postNotification(http, base, s.key(), s.body());
      JsonNode receipt = json.readTree(retry.body());
      boolean right = s.status() == 201
          ? retry.statusCode() == 200 && receipt.path("duplicate").asBoolean()
            && receipt.path("notificationId").asLong() == s.notificationId()
          : retry.statusCode() == 201;
      if (!right) {
        wrong.put(s.key(), "first " + s.status() + ", retry " + retry.statusCode() + " " + retry.body());
      }
    }
    Map<Integer, Long> answers = new TreeMap<>();
    sent.stream().skip(10).forEach(s -> answers.merge(s.status(), 1L, Long::sum));
    String log = node.output();
    long servletErrors = log.lines().filter(l -> l.contains("Servlet.service() for servlet")).count();
    System.out.printf("""
        STORAGE FAULT on %s, then lifted; one process throughout
          before the fault                 : 10 notifications, all 201
          during the fault                 : %d sent, answers %s
          health / readiness / liveness    : %d / %d / %d
          API read / signed-in page        : %d / %d
          after the fault was lifted       : ready in %d ms; API read %d, page %d, new notification %d
          retries of everything sent       : %d, wrong %d (201s return their first receipt, 503s store now)
          "Servlet.service()" errors logged: %d
        %n""", what, sent.size() - 10, answers, health, readiness, liveness, apiRead, page,
        recoveredMillis, readAfter, pageAfter, after.status(), sent.size(), wrong.size(), servletErrors);

    assertThat(answers.keySet()).as("answers during the fault: stored (201) or refused (503), nothing else")
        .containsAnyOf(503).isSubsetOf(201, 503);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(refused.body()).path("type").asText())
        .isEqualTo("https://trappen.dk/problems/storage-unavailable");
    assertThat(health).as("health during the fault").isEqualTo(503);
    assertThat(readiness).as("readiness during the fault").isEqualTo(503);
    assertThat(liveness).as("liveness: the process itself is fine, a restart is not needed").isEqualTo(200);
    assertThat(apiRead).as("an API read during the fault: served, or a 503; not a 401 that blames the password")
        .isIn(200, 503);
    if (pages) {
      // a read may be served while H2 has the file open again read-only; if not, the page says why (in Danish)
      assertThat(page).as("a signed-in page during the fault").isIn(200, 503);
      assertThat(pageAfter).as("the signed-in page after the fault").isEqualTo(200);
    }

    assertThat(ready).as("ready again within 60 s of the fault's end, without a restart").isEqualTo(200);
    assertThat(node.alive()).isTrue();
    assertThat(readAfter).as("sign-in and a read after the fault").isEqualTo(200);
    assertThat(after.status()).as("a new notification after the fault").isEqualTo(201);
    assertThat(wrong).as("acknowledged notifications not there once, or refused ones stored").isEmpty();
    assertThat(servletErrors).as("failures that reached the servlet container (500s)").isZero();
  }

  private Sent send(String base, int serial, Instant receivedAt) throws IOException, InterruptedException {
    String key = "fault-" + serial;
    String body = IntakeNodes.notification(LocalDate.of(2014, 3, 1), serial, receivedAt);
    HttpResponse<String> response = IntakeNodes.postNotification(http, base, key, body);
    long id = response.statusCode() == 201 ? json.readTree(response.body()).path("notificationId").asLong() : 0;
    return new Sent(key, body, response.statusCode(), id);
  }

  private HttpResponse<String> get(String base, String path, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The task list page's status; a 503 must be the page that says nothing was saved, in Danish. */
  private static int page(HttpClient browser, String base) throws IOException, InterruptedException {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/tasks"))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() == 503) {
      assertThat(page.body()).contains("Trappen kan ikke gemme lige nu").doesNotContain("Exception");
    }
    return page.statusCode();
  }

  private static int status(HttpResponse<String> response) {
    return response.statusCode();
  }

  /** Signs ida in on the form, as a browser does; the client keeps the session cookie. */
  private static void signIn(HttpClient browser, String base) throws IOException, InterruptedException {
    String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = CSRF.matcher(login);
    assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + IntakeNodes.USER + "&password="
            + dk.trappen.api.TestStaff.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1),
            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  /**
   * Turns the database read-only for new sessions (or back) and ends the node's present sessions, as a failover to a
   * standby (or back) does.
   */
  private static void readOnly(TestPostgres postgres, String url, String database, boolean on) throws Exception {
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), "");
         Statement s = c.createStatement()) {
      s.execute("alter database " + database + (on ? " set default_transaction_read_only = on"
          : " reset default_transaction_read_only"));
      s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }
  }

  /** Sets the running process's resource limit (util-linux prlimit; the process is this user's own child). */
  private static void prlimit(long pid, String limit) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), limit).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("prlimit " + limit + ": " + out).isZero();
  }
}
