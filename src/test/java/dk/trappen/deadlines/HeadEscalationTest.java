package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The second escalation tier: a deadline escalated to the team leader and still not met when its tier has run
 * ({@code trappen.deadlines.<kind>.escalate-to-head}) escalates to the heads over its team, once, through the outbox;
 * each head gets a daily digest of what reached them. The test staff: hanne heads nord, jens heads syd.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("A deadline still not met after the team leader's escalation escalates to the head, once")
class HeadEscalationTest extends OutboxTestSupport {

  @Autowired
  private HeadEscalation heads;
  @Autowired
  private OrgService org;
  @Autowired
  private Clock clock;

  @BeforeEach
  void emptyOutbox() {
    outbox.deleteAll();
  }

  @Test
  @DisplayName("in time: a deadline met after the team leader's escalation but before its tier ran reaches no head")
  void met_in_time_reaches_no_head() {
    Deadline d = escalated(DeadlineKind.ACUTE_ASSESSMENT, "nord");
    assertThat(d.getHeadDueAt()).isEqualTo(START.plus(Duration.ofHours(24)));

    moveClock(Duration.ofHours(20));
    register.meet(d.getExecutionId(), "karen");
    moveClock(Duration.ofHours(10));
    heads.escalateDue();

    assertThat(messagesWithKey(EscalationOutbox.headKey(d.getId()))).isEmpty();
    assertThat(deadlines.findById(d.getId()).orElseThrow().getHeadEscalatedAt()).isNull();
  }

  @Test
  @DisplayName("too late: one notice to the head of the team (not to another team's head), none more on a second "
      + "run, and it is sent once")
  void too_late_notifies_the_head_once() {
    Deadline d = escalated(DeadlineKind.ACUTE_ASSESSMENT, "nord");
    moveClock(Duration.ofHours(23));
    heads.escalateDue();
    assertThat(messagesWithKey(EscalationOutbox.headKey(d.getId()))).as("before the tier has run").isEmpty();

    moveClock(Duration.ofHours(1));
    heads.escalateDue();
    heads.escalateDue();

    List<OutboxMessage> notices = messagesWithKey(EscalationOutbox.headKey(d.getId()));
    assertThat(notices).hasSize(1);
    OutboxMessage notice = notices.get(0);
    assertThat(notice.getMessageKey()).isEqualTo("deadline:" + d.getId() + ":escalated-to-head");
    assertThat(notice.getTopic()).isEqualTo("deadline-escalated-to-head");
    assertThat(notice.getRecipients()).isEqualTo("hanne");
    assertThat(notice.getSubject()).isEqualTo("Frist stadig ikke overholdt: Akut vurdering i sag " + d.getCaseNumber());
    assertThat(notice.getBody()).contains(d.getCaseNumber(), "team nord", "teamlederen", "afdelingsleder",
        "Barnets Lov §§ 136–137");
    assertThat(deadlines.findById(d.getId()).orElseThrow().getHeadEscalatedAt())
        .isEqualTo(START.plus(Duration.ofHours(24)));

    EscalationNoticesTest.RecordingChannel a = new EscalationNoticesTest.RecordingChannel();
    EscalationNoticesTest.RecordingChannel b = new EscalationNoticesTest.RecordingChannel();
    node("node-a", a).dispatchDue();
    node("node-b", b).dispatchDue();
    node("node-a", a).dispatchDue();
    List<String> sent = new ArrayList<>(a.keys());
    sent.addAll(b.keys());
    assertThat(sent).filteredOn(EscalationOutbox.headKey(d.getId())::equals).hasSize(1);
  }

  @Test
  @DisplayName("the tier per kind: acute assessment 24 hours after the team leader's escalation, acknowledgement by the "
      + "end of the 2nd working day (Friday to Tuesday over the weekend), investigation by the end of the 14th day")
  void the_tier_per_kind() {
    Deadline acute = escalated(DeadlineKind.ACUTE_ASSESSMENT, "nord");
    Deadline investigation = escalated(DeadlineKind.INVESTIGATION, "nord");
    assertThat(acute.getHeadDueAt()).isEqualTo(START.plus(Duration.ofHours(24)));
    assertThat(investigation.getHeadDueAt()).isEqualTo(START.atZone(clock.getZone()).toLocalDate().plusDays(14)
        .atTime(23, 59, 59).atZone(clock.getZone()).toInstant());

    // escalated to the team leader on Friday 5 March 2027 at 15:00: the head by the end of Tuesday 9 March
    setClock(local("2027-03-05T15:00"));
    Deadline acknowledgement = escalated(DeadlineKind.ACKNOWLEDGEMENT, "nord");
    assertThat(acknowledgement.getHeadDueAt()).isEqualTo(local("2027-03-09T23:59:59"));

    setClock(local("2027-03-08T15:00"));
    heads.escalateDue();
    assertThat(messagesWithKey(EscalationOutbox.headKey(acknowledgement.getId()))).as("on Monday").isEmpty();
    setClock(local("2027-03-09T15:00"));
    heads.escalateDue();
    assertThat(messagesWithKey(EscalationOutbox.headKey(acknowledgement.getId()))).as("on Tuesday afternoon")
        .isEmpty();
    setClock(local("2027-03-10T00:00"));
    heads.escalateDue();
    assertThat(messagesWithKey(EscalationOutbox.headKey(acknowledgement.getId()))).as("once Tuesday has ended")
        .hasSize(1);
  }

  @Test
  @DisplayName("two runs started together on the same due deadlines write one head notice per deadline")
  void concurrent_runs_write_one_notice_per_deadline() throws Exception {
    List<Deadline> due = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      due.add(escalated(DeadlineKind.ACUTE_ASSESSMENT, i % 2 == 0 ? "nord" : "syd"));
    }
    moveClock(Duration.ofHours(25));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        runs.add(threads.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return heads.escalateDue();
        }));
      }
      start.countDown();
      for (Future<Integer> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    for (Deadline d : due) {
      List<OutboxMessage> notices = messagesWithKey(EscalationOutbox.headKey(d.getId()));
      assertThat(notices).as("deadline " + d.getId()).hasSize(1);
      assertThat(notices.get(0).getRecipients()).isEqualTo("nord".equals(d.getTeamCode()) ? "hanne" : "jens");
      assertThat(deadlines.findById(d.getId()).orElseThrow().getHeadEscalatedAt()).isNotNull();
    }
  }

  @Test
  @DisplayName("the head's digest lists the open deadlines that reached them, once a day from 07:00; nothing for a "
      + "head with nothing escalated")
  void the_daily_digest() {
    if (!org.teamExists("kyst")) {
      org.createTeam("kyst", "Team Kyst");
      org.createUser("vera", "Vera", Role.HEAD, "kyst", "{noop}unused", false);
    }
    setClock(local("2027-04-08T10:00"));
    Deadline open = escalated(DeadlineKind.ACUTE_ASSESSMENT, "nord");
    Deadline metLater = escalated(DeadlineKind.ACUTE_ASSESSMENT, "nord");
    setClock(local("2027-04-09T12:00"));
    heads.escalateDue();
    register.meet(metLater.getExecutionId(), "karen");

    setClock(local("2027-04-10T06:59"));
    heads.writeDigests();
    assertThat(messagesWithKey("digest:head:hanne:2027-04-10")).as("before 07:00").isEmpty();

    setClock(local("2027-04-10T07:00"));
    heads.writeDigests();
    List<OutboxMessage> digests = messagesWithKey("digest:head:hanne:2027-04-10");
    assertThat(digests).hasSize(1);
    OutboxMessage digest = digests.get(0);
    assertThat(digest.getTopic()).isEqualTo("head-digest");
    assertThat(digest.getRecipients()).isEqualTo("hanne");
    assertThat(digest.getSubject()).startsWith("Dagens oversigt 2027-04-10:");
    assertThat(digest.getBody()).contains("Sag " + open.getCaseNumber() + ": Akut vurdering (team nord)",
        "eskaleret til afdelingsleder").doesNotContain("Sag " + metLater.getCaseNumber() + ":");
    assertThat(messagesWithKey("digest:head:vera:2027-04-10")).as("a head with nothing escalated").isEmpty();

    setClock(local("2027-04-10T16:00"));
    assertThat(heads.writeDigests()).as("the same day again").isZero();
    assertThat(messagesWithKey("digest:head:hanne:2027-04-10")).hasSize(1);
  }

  @Test
  @DisplayName("a deadline escalated to the team leader before the second tier existed gets its tier at start-up, "
      + "counted from that escalation, and then reaches the head like any other")
  void escalated_before_the_tier_existed_gets_it_at_start_up() {
    Deadline d = escalated(DeadlineKind.ACUTE_ASSESSMENT, "nord");
    d.setHeadDueAt(null);
    deadlines.saveAndFlush(d);

    assertThat(heads.backfillSecondTier()).isGreaterThanOrEqualTo(1);
    assertThat(deadlines.findById(d.getId()).orElseThrow().getHeadDueAt())
        .isEqualTo(d.getEscalatedAt().plus(Duration.ofHours(24)));
    assertThat(heads.backfillSecondTier()).as("once").isZero();
    moveClock(Duration.ofHours(25));
    heads.escalateDue();
    assertThat(messagesWithKey(EscalationOutbox.headKey(d.getId()))).hasSize(1);
  }

  /** An overdue deadline of {@code kind} and {@code team}, escalated to the team leader now. */
  private Deadline escalated(DeadlineKind kind, String team) {
    String pi = newProcessInstanceId();
    Deadline d = overdueDeadline(pi);
    d.setKind(kind);
    d.setTeamCode(team);
    d.setDueAt(clock.instant().minus(Duration.ofHours(1)));
    deadlines.save(d);
    register.escalate(pi, kind);
    return deadlines.findById(d.getId()).orElseThrow();
  }

  private EscalationNotices node(String name, NoticeChannel channel) {
    return new EscalationNotices(outbox, channel, new NoticeProperties(), clock, name, new SimpleMeterRegistry());
  }

  private Instant local(String dateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), clock.getZone()).toInstant();
  }

  private static void setClock(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }
}
