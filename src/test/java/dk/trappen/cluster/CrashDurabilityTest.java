package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.testsupport.TestPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "nothing acknowledged is ever lost": the application runs as its own JVM, a burst of intakes comes in
 * over the API from a few clients, and the JVM is killed with SIGKILL in the middle of it. After a restart on the same
 * database every notification that was answered 2xx is there exactly once, and a retry with its Idempotency-Key
 * returns the first receipt. On H2 the node opens the file with the shipped {@code config/application.yml} URL (only
 * the path is the test's), so the test guards its durability settings (docs/durability.md).
 */
@DisplayName("A node killed with SIGKILL during an intake burst loses no acknowledged notification")
class CrashDurabilityTest {

  private static final int CLIENTS = 4;
  /** Acknowledged notifications before the kill: the burst goes on while the JVM dies. */
  private static final int KILL_AFTER = 120;

  private static TestPostgres postgres;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ClusterNodeProcess> nodes = new ArrayList<>();

  @BeforeAll
  static void startPostgres() {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (ClusterNodeProcess node : nodes) {
      if (node.alive()) {
        node.stop();
      }
    }
  }

  @Test
  @DisplayName("on the embedded H2 file database as shipped, every acknowledged notification survives the kill once "
      + "and its retry returns the first receipt")
  void h2File(@TempDir Path dir) throws Exception {
    String url = IntakeNodes.shippedH2Url(dir.resolve("trappen"));
    assertThat(url).as("the shipped H2 URL writes each commit before it returns").contains("WRITE_DELAY=0");
    Database db = new Database("H2 file", url, "sa");
    IntakeNodes.seedStaff(db.url(), db.user(), "crash");
    crashAndCheck(db, name -> ClusterNodeProcess.start(name, Path.of("target", "cluster"),
        List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
        List.of("--spring.profiles.active=crash", "--spring.datasource.url=" + url, "--trappen.demo.enabled=false",
            "--trappen.node-name=" + name, "--server.port=0"),
        Map.of()));
  }

  @Test
  @DisplayName("on PostgreSQL with the production profile, every acknowledged notification survives the kill once "
      + "and its retry returns the first receipt")
  void postgresql() throws Exception {
    String url = postgres.createDatabase("crash");
    Database db = new Database("PostgreSQL", url, postgres.username());
    IntakeNodes.seedStaff(db.url(), db.user(), "postgres");
    crashAndCheck(db, name -> ClusterNodeProcess.start(name, url, postgres.username()));
  }

  private interface NodeStarter {
    ClusterNodeProcess start(String name) throws IOException;
  }

  private record Database(String name, String url, String user) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, "");
    }
  }

  /** One acknowledged request: what was sent and the receipt that came back. */
  private record Acknowledged(String key, String body, long notificationId, int status) {
  }

  private void crashAndCheck(Database db, NodeStarter starter) throws Exception {
    ClusterNodeProcess first = start(starter, "crash-" + slug(db));
    String base = IntakeNodes.base(first);
    ConcurrentHashMap<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Instant receivedAt = Instant.now().minus(Duration.ofHours(1));
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 1000 && !stop.get(); i++) {
          String key = "crash-" + client + "-" + i;
          try {
            String body = IntakeNodes.notification(LocalDate.of(2014, 1, 1).plusDays(client), i, receivedAt);
            sent.incrementAndGet();
            HttpResponse<String> response = IntakeNodes.postNotification(http, base, key, body);
            if (response.statusCode() / 100 == 2) {
              acknowledged.put(key, new Acknowledged(key, body,
                  json.readTree(response.body()).path("notificationId").asLong(), response.statusCode()));
            }
          } catch (IOException connectionLost) {
            return; // the node is gone; what was in flight is not acknowledged
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }, "intake-client-" + c);
      thread.start();
      clients.add(thread);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (acknowledged.size() < KILL_AFTER && System.nanoTime() < deadline && first.alive()) {
      Thread.sleep(5);
    }
    first.kill();
    int acknowledgedAtKill = acknowledged.size();
    stop.set(true);
    for (Thread client : clients) {
      client.join(30_000);
    }
    Map<String, Acknowledged> before = Map.copyOf(acknowledged);
    assertThat(before).as("acknowledged before the kill\n" + IntakeNodes.tail(first)).hasSizeGreaterThanOrEqualTo(KILL_AFTER);
    assertThat(before.values()).as("first receipts").allMatch(a -> a.status() == 201 && a.notificationId() > 0);
    assertThat(sent.get()).as("the burst went on until the kill").isGreaterThan(before.size());

    // restart on the same database; every acknowledged request is retried with its key
    ClusterNodeProcess second = start(starter, "crash-" + slug(db) + "-restarted");
    String restartedBase = IntakeNodes.base(second);
    Map<String, Long> retried = new LinkedHashMap<>();
    Map<String, String> wrongRetries = new LinkedHashMap<>();
    for (Acknowledged a : before.values()) {
      HttpResponse<String> retry = IntakeNodes.postNotification(http, restartedBase, a.key(), a.body());
      JsonNode receipt = json.readTree(retry.body());
      retried.put(a.key(), receipt.path("notificationId").asLong());
      if (retry.statusCode() != 200 || receipt.path("notificationId").asLong() != a.notificationId()
          || !receipt.path("duplicate").asBoolean()) {
        wrongRetries.put(a.key(), retry.statusCode() + " " + retry.body() + " (first receipt " + a.notificationId()
            + ")");
      }
    }
    second.stop();

    // read straight from the database, the node stopped: each acknowledged key once, under its first receipt's id
    Map<String, String> notExactlyOnce = new LinkedHashMap<>();
    long rows;
    long distinctKeys;
    try (Connection c = db.connect();
         PreparedStatement byKey = c.prepareStatement("select id from notification where idempotency_key = ?")) {
      for (Acknowledged a : before.values()) {
        byKey.setString(1, a.key());
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = byKey.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        if (!ids.equals(List.of(a.notificationId()))) {
          notExactlyOnce.put(a.key(), "found " + ids + ", first receipt " + a.notificationId());
        }
      }
      rows = single(c, "select count(*) from notification");
      distinctKeys = single(c, "select count(distinct idempotency_key) from notification");
    }
    long found = before.size() - notExactlyOnce.size();
    long retriedFirstReceipt = before.size() - wrongRetries.size();
    System.out.printf("""
        CRASH TEST on %s (%d clients, node killed with SIGKILL during the intake burst)
          requests sent before the kill        : %d
          acknowledged (201) before the kill   : %d (%d when the kill was ordered)
          found exactly once after the restart : %d (missing or duplicated %d)
          retried with their key               : %d, first receipt returned %d
          notifications in the database        : %d (distinct keys %d; in flight at the kill and stored: %d)
        %n""", db.name(), CLIENTS, sent.get(), before.size(), acknowledgedAtKill, found, notExactlyOnce.size(),
        retried.size(), retriedFirstReceipt, rows, distinctKeys, rows - before.size());

    assertThat(notExactlyOnce).as("acknowledged notifications not found exactly once after the restart").isEmpty();
    assertThat(wrongRetries).as("retries that did not return the first receipt").isEmpty();
    assertThat(distinctKeys).as("no key stored twice").isEqualTo(rows);
  }

  private ClusterNodeProcess start(NodeStarter starter, String name) throws Exception {
    ClusterNodeProcess node = starter.start(name);
    nodes.add(node);
    return IntakeNodes.started(node);
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String slug(Database db) {
    return db.name().toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
