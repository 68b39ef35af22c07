package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dispatcher of the outbox, as two nodes of a cluster run it on one database: each notice is sent once, a failed
 * send is retried after a back-off, and a node respects another node's claim until it expires.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("The outbox dispatcher sends each notice once")
class EscalationNoticesTest extends OutboxTestSupport {

  @Autowired
  private Clock clock;
  @Autowired
  private EscalationNotices applicationNotices;
  @Autowired
  private MeterRegistry meters;

  private final RecordingChannel channelA = new RecordingChannel();
  private final RecordingChannel channelB = new RecordingChannel();
  private EscalationNotices nodeA;
  private EscalationNotices nodeB;

  @BeforeEach
  void emptyOutboxAndTwoNodes() {
    outbox.deleteAll();
    nodeA = new EscalationNotices(outbox, channelA, new NoticeProperties(), clock, "node-a", new SimpleMeterRegistry());
    nodeB = new EscalationNotices(outbox, channelB, new NoticeProperties(), clock, "node-b", new SimpleMeterRegistry());
  }

  @Test
  @DisplayName("a notice is sent once, marked sent and released; a second dispatch sends nothing")
  void the_dispatcher_sends_each_notice_once() {
    String key = escalatedNotice();
    assertThat(meters.get("trappen.notices.pending").gauge().value()).isEqualTo(1.0);

    assertThat(nodeA.dispatchDue()).isEqualTo(1);
    assertThat(nodeA.dispatchDue()).isZero();
    assertThat(nodeB.dispatchDue()).isZero();

    assertThat(channelA.sent).extracting(Notice::key).containsExactly(key);
    assertThat(channelA.sent.get(0).recipients()).containsExactly("birgitte");
    assertThat(channelA.sent.get(0).subject()).startsWith("Frist overskredet");
    assertThat(channelB.sent).isEmpty();
    OutboxMessage row = outbox.findByMessageKey(key).orElseThrow();
    assertThat(row.getSentAt()).isEqualTo(START);
    assertThat(row.getClaimedBy()).isNull();
    assertThat(row.getClaimedUntil()).isNull();
    assertThat(row.getAttempts()).isZero();
    assertThat(meters.get("trappen.notices.pending").gauge().value()).isZero();
  }

  @Test
  @DisplayName("a failed send leaves the notice pending with the attempt and the error, backs off, and a later "
      + "dispatch sends it")
  void a_failed_send_is_retried_after_the_backoff() {
    String key = escalatedNotice();
    channelA.failuresLeft.set(1);

    assertThat(nodeA.dispatchDue()).isZero();

    OutboxMessage failed = outbox.findByMessageKey(key).orElseThrow();
    assertThat(failed.getSentAt()).isNull();
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(failed.getLastError()).isEqualTo("IllegalStateException: 451 mailbox busy, try again later");
    assertThat(failed.getClaimedBy()).isNull();
    assertThat(failed.getNextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(meters.get("trappen.notices.failing").gauge().value()).isEqualTo(1.0);

    // backed off: neither this node nor another sends it before the pause is over
    assertThat(nodeA.dispatchDue()).isZero();
    assertThat(nodeB.dispatchDue()).isZero();

    moveClock(Duration.ofMinutes(1));
    assertThat(nodeA.dispatchDue()).isEqualTo(1);
    assertThat(channelA.sent).extracting(Notice::key).containsExactly(key);
    OutboxMessage sent = outbox.findByMessageKey(key).orElseThrow();
    assertThat(sent.getSentAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(nodeA.dispatchDue() + nodeB.dispatchDue()).isZero();
  }

  @Test
  @DisplayName("a claim another node holds is respected until it expires, then taken over")
  void a_live_claim_is_respected_and_an_expired_one_taken_over() {
    String key = escalatedNotice();
    Long id = outbox.findByMessageKey(key).orElseThrow().getId();
    // node B claimed the notice and died while sending it
    assertThat(outbox.claim(id, "node-b", START.plus(Duration.ofMinutes(2)), START)).isEqualTo(1);

    assertThat(outbox.claim(id, "node-a", START.plus(Duration.ofMinutes(2)), START)).isZero();
    assertThat(nodeA.dispatchDue()).isZero();
    moveClock(Duration.ofMinutes(2));
    assertThat(nodeA.dispatchDue()).as("the claim lasts until its end").isZero();
    assertThat(channelA.sent).isEmpty();

    moveClock(Duration.ofSeconds(1));
    assertThat(nodeA.dispatchDue()).isEqualTo(1);
    assertThat(channelA.sent).extracting(Notice::key).containsExactly(key);
    assertThat(outbox.findByMessageKey(key).orElseThrow().getSentAt()).isNotNull();
  }

  @Test
  @DisplayName("two nodes dispatching at the same time send every notice exactly once between them")
  void two_nodes_at_once_send_each_notice_once() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      keys.add(escalatedNotice());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = threads.submit(() -> {
        start.await();
        return nodeA.dispatchDue();
      });
      Future<Integer> b = threads.submit(() -> {
        start.await();
        return nodeB.dispatchDue();
      });
      start.countDown();
      assertThat(a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS)).isEqualTo(12);
    } finally {
      threads.shutdownNow();
    }
    List<String> sent = new ArrayList<>(channelA.keys());
    sent.addAll(channelB.keys());
    assertThat(sent).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  @DisplayName("the application's dispatcher names this node and writes to the configured channel")
  void the_application_dispatcher_is_wired() {
    assertThat(applicationNotices.node()).isNotBlank();
    String key = escalatedNotice();
    assertThat(applicationNotices.dispatchDue()).isEqualTo(1);
    assertThat(outbox.findByMessageKey(key).orElseThrow().getSentAt()).isEqualTo(START);
  }

  @Test
  @DisplayName("the back-off doubles with each failure up to its maximum")
  void the_backoff_doubles_up_to_the_maximum() {
    assertThat(nodeA.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(nodeA.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(nodeA.backoff(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(nodeA.backoff(7)).isEqualTo(Duration.ofHours(1));
    assertThat(nodeA.backoff(500)).isEqualTo(Duration.ofHours(1));
  }

  /** A channel that records what it sends and fails the first {@code failuresLeft} sends. */
  static final class RecordingChannel implements NoticeChannel {
    final List<Notice> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public void send(Notice notice) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("451 mailbox busy, try again later");
      }
      sent.add(notice);
    }

    List<String> keys() {
      return sent.stream().map(Notice::key).toList();
    }
  }
}
