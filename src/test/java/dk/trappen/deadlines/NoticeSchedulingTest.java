package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** With polling on (as outside the tests), a queued notice is sent in the background without anyone asking. */
@SpringBootTest(properties = {"trappen.notices.enabled=true", "trappen.notices.poll-interval=200ms"})
@ActiveProfiles("test")
@DisplayName("The outbox is polled in the background")
class NoticeSchedulingTest extends OutboxTestSupport {

  @Test
  @DisplayName("an escalation's notice is sent by the scheduled poll")
  void the_scheduled_poll_sends_a_queued_notice() throws InterruptedException {
    String key = escalatedNotice();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (outbox.findByMessageKey(key).orElseThrow().getSentAt() == null && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(outbox.findByMessageKey(key).orElseThrow().getSentAt()).isNotNull();
  }
}
