package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.TrappenApplication;
import dk.trappen.testsupport.JourneySeeder;
import dk.trappen.testsupport.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Trappen as a cluster on one real PostgreSQL (zonky binaries, no Docker), with the {@code postgres} profile's job
 * executor settings as shipped: the engine's own job locking shares the timers among the nodes, and every timer
 * fires exactly once — also when a node dies in the middle of a burst, and when timers come due while the
 * application is down.
 */
@DisplayName("Trappen as a cluster on one PostgreSQL")
class ClusterTest {

  private static final int CASES = Integer.getInteger("trappen.cluster.cases", 2000);
  private static TestPostgres postgres;
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
    ClockUtil.reset();
  }

  @Test
  void two_nodes_fire_every_due_timer_exactly_once_although_one_is_killed_in_the_middle_of_the_burst()
      throws Exception {
    String url = postgres.createDatabase("cluster");
    ClusterDatabase db = new ClusterDatabase(url, postgres.username());

    // 2,000 cases whose interventions started 100 days ago: the network meeting (56 days), the first § 95
    // follow-up and the action plan (3 months each) are all overdue when the nodes start
    long seedStart = System.nanoTime();
    try (ConfigurableApplicationContext seeding = application(url, "seeder", false)) {
      new JourneySeeder(seeding).interventionsRunning(CASES, Instant.now().minus(Duration.ofDays(100)), 3);
    }
    double seedSeconds = seconds(seedStart);
    Instant burstAt = Instant.now();
    long due = db.dueTimers(burstAt);
    assertThat(due).as("timers due at once").isEqualTo(3L * CASES);
    assertThat(db.openOverdue(burstAt)).as("register rows those timers guard").isEqualTo(due);

    long burstStart = System.nanoTime();
    ClusterNodeProcess a = start("node-a", url);
    ClusterNodeProcess b = start("node-b", url);
    await("node-a to take part in the burst", Duration.ofMinutes(5), a, b,
        () -> db.lockedBy("node-a", Instant.now()) > 0 && db.escalated() >= due / 5);
    long lockedByA = db.lockedBy("node-a", Instant.now());
    a.kill();
    long escalatedAtKill = db.escalated();
    double killSeconds = seconds(burstStart);
    assertThat(escalatedAtKill).as("killed in the middle of the burst").isLessThan(due);

    // node-a's locked jobs are free again after the lock time (60 s); node-b takes them and finishes
    await("node-b to finish the burst", Duration.ofMinutes(6), a, b,
        () -> db.dueTimers(burstAt) == 0 && db.escalated() == due);
    double burstSeconds = seconds(burstStart);
    // notices node-a had claimed when it died are free again after the claim time (2 min)
    await("the notices to be sent", Duration.ofMinutes(4), a, b, () -> db.outboxSent() == db.outbox());
    double noticesSeconds = seconds(burstStart);

    long escalated = db.escalated();
    long activities = db.escalationActivities();
    long outbox = db.outbox();
    long keys = db.outboxDistinctKeys();
    long sent = db.outboxSent();
    long attempts = db.outboxAttempts();
    System.out.printf("""
        CLUSTER TEST (2 nodes, one PostgreSQL, node-a killed with SIGKILL mid-burst)
          cases seeded through the services : %d in %.1f s
          timers due at once                : %d
          escalated when node-a was killed  : %d after %.1f s (node-a held %d job locks)
          escalated in the register         : %d (missing %d)
          escalation activities in history  : %d (run twice: %d)
          outbox messages / distinct keys   : %d / %d, sent %d (send attempts %d)
          failed jobs / incidents           : %d / %d
          burst finished by node-b after    : %.1f s (%.0f timers/s overall, lock time 60 s included)
          every notice sent after           : %.1f s (claims of node-a expire after 2 min)
        %n""", CASES, seedSeconds, due, escalatedAtKill, killSeconds, lockedByA, escalated, due - escalated,
        activities, db.escalatedTwice(), outbox, keys, sent, attempts, db.failedJobs(), db.incidents(), burstSeconds,
        due / burstSeconds, noticesSeconds);

    assertThat(b.alive()).as("node-b survived").isTrue();
    assertThat(escalated).as("escalations in the register").isEqualTo(due);
    assertThat(activities).as("escalation steps completed in the engine's history").isEqualTo(due);
    assertThat(db.escalatedTwice()).as("escalation steps run twice").isZero();
    assertThat(outbox).as("outbox messages").isEqualTo(due);
    assertThat(keys).as("distinct outbox keys").isEqualTo(due);
    assertThat(sent).as("outbox messages sent").isEqualTo(due);
    assertThat(db.failedJobs()).as("failed jobs").isZero();
    assertThat(db.incidents()).as("incidents").isZero();
  }

  @Test
  void timers_that_came_due_while_the_application_was_down_fire_once_after_it_starts_again() throws Exception {
    String url = postgres.createDatabase("restart");
    ClusterDatabase db = new ClusterDatabase(url, postgres.username());
    int cases = 200;
    // interventions started at noon in Copenhagen 56 days ago: the first network meetings (P56D, counted in days) are
    // due at the end of today there, so nothing is due while the application runs, and all of it a day later
    // (a start of "56 days minus 6 hours ago" fell on the next day in Copenhagen when the test ran after 16:00 UTC)
    ZoneId copenhagen = ZoneId.of("Europe/Copenhagen");
    Instant started = LocalDate.now(copenhagen).minusDays(56).atTime(LocalTime.NOON).atZone(copenhagen).toInstant();
    try (ConfigurableApplicationContext running = application(url, "restart-1", true)) {
      new JourneySeeder(running).interventionsRunning(cases, started, 2);
      Thread.sleep(2000);
      assertThat(db.escalated()).as("escalated before the stop").isZero();
    }
    // stopped; a day passes
    ClockUtil.offset(Duration.ofDays(1).toMillis());
    Instant dayLater = ClockUtil.now().toInstant();
    long due = db.dueTimers(dayLater);
    assertThat(due).as("timers that came due while the application was down").isEqualTo(cases);

    long start = System.nanoTime();
    try (ConfigurableApplicationContext restarted = application(url, "restart-2", true)) {
      double startSeconds = seconds(start);
      await("the due timers to fire", Duration.ofMinutes(3), null, null,
          () -> db.dueTimers(dayLater) == 0 && db.escalated() == due && db.outboxSent() == due);
      double fired = seconds(start);
      System.out.printf("""
          RESTART TEST: %d timers came due while the application was down (clock moved one day)
            application started in %.1f s; all fired %.1f s after the start; escalated %d, escalation steps %d,
            outbox %d (distinct keys %d, sent %d), failed jobs %d
          %n""", due, startSeconds, fired, db.escalated(), db.escalationActivities(), db.outbox(),
          db.outboxDistinctKeys(), db.outboxSent(), db.failedJobs());
      assertThat(db.escalated()).isEqualTo(due);
      assertThat(db.escalationActivities()).isEqualTo(due);
      assertThat(db.escalatedTwice()).isZero();
      assertThat(db.outbox()).isEqualTo(due);
      assertThat(db.outboxDistinctKeys()).isEqualTo(due);
      assertThat(db.failedJobs()).isZero();
    }
  }

  @Test
  @DisplayName("two nodes polling together escalate each deadline due at the head once and send its notice once")
  void two_nodes_escalate_each_deadline_to_the_head_once() throws Exception {
    String url = postgres.createDatabase("heads");
    ClusterDatabase db = new ClusterDatabase(url, postgres.username());
    IntakeNodes.seedStaff(url, postgres.username(), "postgres"); // hanne heads team nord
    String[] fast = {"--trappen.escalation.poll-interval=100ms", "--trappen.notices.poll-interval=200ms"};
    ClusterNodeProcess a = start("heads-a", url, fast);
    ClusterNodeProcess b = start("heads-b", url, fast);
    IntakeNodes.started(a);
    IntakeNodes.started(b);

    // due at the head in 3 s: both nodes, polling every 100 ms, find them due at the same moment
    int count = 30;
    List<Long> ids = db.insertEscalatedToTeamLeader(count, "nord", Instant.now().plusSeconds(3));
    String headSent = "select count(*) from outbox_message where topic = 'deadline-escalated-to-head'"
        + " and sent_at is not null";
    await("the head notices to be sent", Duration.ofMinutes(2), a, b, () -> db.count(headSent) == count);
    Thread.sleep(1500); // more polls of both nodes, which must add nothing

    String logs = a.output() + b.output();
    String won = "escalated to the head of nord";
    System.out.printf("HEAD ESCALATION: %d deadlines due at the head; escalated by heads-a %d, by heads-b %d%n", count,
        occurrences(a.output(), won), occurrences(b.output(), won));
    assertThat(db.count("select count(*) from deadline where head_escalated_at is not null")).isEqualTo(count);
    assertThat(db.count("select count(*) from outbox_message where topic = 'deadline-escalated-to-head'"))
        .isEqualTo(count);
    assertThat(db.count(headSent + " and recipients = 'hanne' and attempts = 0")).isEqualTo(count);
    for (Long id : ids) {
      assertThat(occurrences(logs, "Notice deadline:" + id + ":escalated-to-head sent to")).as("sends of " + id)
          .isEqualTo(1);
    }
    assertThat(db.failedJobs()).isZero();
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private ClusterNodeProcess start(String name, String url, String... extraArgs) throws Exception {
    ClusterNodeProcess node = ClusterNodeProcess.start(name, url, postgres.username(), extraArgs);
    nodes.add(node);
    return node;
  }

  /** The application in this JVM (a seeding or restarting node), configured as a production node. */
  private ConfigurableApplicationContext application(String url, String node, boolean jobExecutor) {
    return new SpringApplicationBuilder(TrappenApplication.class).run(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + postgres.username(),
        "--spring.datasource.password=",
        "--trappen.node-name=" + node,
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--trappen.notices.enabled=" + jobExecutor,
        // the webapps keep a static servlet context: one per JVM
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=0");
  }

  private static void await(String what, Duration timeout, ClusterNodeProcess a, ClusterNodeProcess b,
      BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + tail(a) + tail(b));
      }
      Thread.sleep(100);
    }
  }

  private static String tail(ClusterNodeProcess node) {
    if (node == null) {
      return "";
    }
    String out = node.output();
    return "\n--- " + node.name + " (alive " + node.alive() + ") ---\n" + out.substring(Math.max(0, out.length() - 4000));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
