package dk.trappen.deadlines;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Sends the notices in the outbox, outside the engine's transactions (polled by {@link NoticeScheduling}). Each
 * notice is claimed with a conditional update before it is sent, so two nodes never send the same notice at the same
 * time; a claim lasts {@code trappen.notices.claim-for}, after which another node may take the notice over (its node
 * died mid-send). A sent notice is marked sent; a failed one records the error and the attempt, is released and is
 * retried after a back-off that doubles up to {@code trappen.notices.max-backoff}. Delivery is at least once, with
 * the message key to recognise a repeat.
 */
@Slf4j
@Service
public class EscalationNotices {

  private static final int MAX_ERROR_LENGTH = 1000;

  private final OutboxRepository outbox;
  private final NoticeChannel channel;
  private final NoticeProperties properties;
  private final Clock clock;
  private final String node;
  private final Counter sent;
  private final Counter failures;

  EscalationNotices(OutboxRepository outbox, NoticeChannel channel, NoticeProperties properties, Clock clock,
      @Value("${trappen.node-name:trappen}") String node, MeterRegistry meters) {
    this.outbox = outbox;
    this.channel = channel;
    this.properties = properties;
    this.clock = clock;
    this.node = node;
    Gauge.builder("trappen.notices.pending", outbox, OutboxRepository::countBySentAtIsNull)
        .description("Team leaders' notices not sent yet")
        .register(meters);
    Gauge.builder("trappen.notices.failing", outbox, o -> o.countBySentAtIsNullAndAttemptsGreaterThan(0))
        .description("Team leaders' notices not sent yet whose last attempt failed")
        .register(meters);
    this.sent = Counter.builder("trappen.notices.sent")
        .description("Team leaders' notices sent by this node")
        .register(meters);
    this.failures = Counter.builder("trappen.notices.failures")
        .description("Failed attempts to send a team leader's notice on this node")
        .register(meters);
  }

  /** The name this node claims notices under ({@code trappen.node-name}). */
  public String node() {
    return node;
  }

  /**
   * Sends every notice that is due now and not claimed by another node; returns how many this call sent. Runs no
   * transaction of its own: each claim and each mark commits by itself, and the send happens between them.
   */
  public int dispatchDue() {
    int count = 0;
    List<Long> batch;
    do {
      batch = outbox.findDue(clock.instant(), PageRequest.of(0, properties.getBatchSize()));
      int sentNow = 0;
      for (Long id : batch) {
        if (dispatch(id)) {
          sentNow++;
        }
      }
      count += sentNow;
      // a full batch after a burst: drain the next one now rather than at the next poll (a burst of 6,000
      // escalations would otherwise wait 10 minutes at 50 per 5 s); stop when a batch sent nothing (all taken by
      // other nodes or failing), the next poll comes soon enough
      if (sentNow == 0) {
        break;
      }
    } while (batch.size() == properties.getBatchSize());
    return count;
  }

  private boolean dispatch(Long id) {
    Instant now = clock.instant();
    if (outbox.claim(id, node, now.plus(properties.getClaimFor()), now) != 1) {
      return false; // sent or claimed by another node since it was listed
    }
    OutboxMessage message = outbox.findById(id).orElseThrow();
    try {
      channel.send(notice(message));
    } catch (RuntimeException e) {
      int attempt = message.getAttempts() + 1;
      Instant next = clock.instant().plus(backoff(attempt));
      String error = describe(e);
      outbox.markFailed(id, node, error, next);
      failures.increment();
      log.warn("Notice {} not sent (attempt {}); next attempt from {}: {}", message.getMessageKey(), attempt, next,
          error);
      return false;
    }
    // a crash here sends the notice again once the claim expires, under the same key (at least once)
    outbox.markSent(id, clock.instant());
    sent.increment();
    log.info("Notice {} sent to {}", message.getMessageKey(), message.getRecipients());
    return true;
  }

  /** The pause before attempt {@code failedAttempts + 1}: the back-off doubled per failure, at most the maximum. */
  Duration backoff(int failedAttempts) {
    Duration max = properties.getMaxBackoff();
    Duration pause = properties.getRetryBackoff();
    for (int i = 1; i < failedAttempts && pause.compareTo(max) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(max) < 0 ? pause : max;
  }

  private static String describe(RuntimeException e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  private static Notice notice(OutboxMessage m) {
    List<String> recipients = m.getRecipients().isBlank() ? List.of()
        : Arrays.stream(m.getRecipients().split(",")).map(String::strip).toList();
    return new Notice(m.getMessageKey(), m.getTopic(), recipients, m.getSubject(), m.getBody());
  }
}
