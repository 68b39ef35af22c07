package dk.trappen.letters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Hands the letters' outbox to the {@link LetterChannel}, as {@code deadlines.EscalationNotices} does the notices:
 * each row is claimed by a conditional update (so two nodes, or two runs, never send the same row at once), sent, and
 * marked sent by another; a failure records the error and backs the row off. A crash between sending and marking
 * sends it again under the same message key, which the channel recognises (the drop folder writes a file once).
 * Polled by {@link LetterScheduling}; the tests call {@link #dispatchDue()}.
 */
@Slf4j
@Service
public class LetterDispatcher {

  private static final int MAX_ERROR_LENGTH = 1000;

  private final LetterDispatchRepository outbox;
  private final LetterRepository letters;
  private final LetterChannel channel;
  private final LettersProperties properties;
  private final Clock clock;
  private final String node;

  LetterDispatcher(LetterDispatchRepository outbox, LetterRepository letters, LetterChannel channel,
      LettersProperties properties, Clock clock, @Value("${trappen.node-name:trappen}") String node) {
    this.outbox = outbox;
    this.letters = letters;
    this.channel = channel;
    this.properties = properties;
    this.clock = clock;
    this.node = node;
  }

  /** Sends every letter copy that is due and not claimed by another node; returns how many this call sent. */
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
      if (sentNow == 0) {
        break;
      }
    } while (batch.size() == properties.getBatchSize());
    return count;
  }

  /** Letter copies not handed to the channel yet. */
  public long pending() {
    return outbox.countBySentAtIsNull();
  }

  private boolean dispatch(Long id) {
    Instant now = clock.instant();
    if (outbox.claim(id, node, now.plus(properties.getClaimFor()), now) != 1) {
      return false;
    }
    LetterDispatch row = outbox.findById(id).orElseThrow();
    Letter letter = letters.findById(row.getLetterId()).orElseThrow();
    try {
      channel.send(new OutgoingLetter(row.getMessageKey(), letter.getId(), letter.getCaseNumber(), letter.getKind(),
          letter.getTitle(), letter.getFileName(), row.getRecipientRole(), row.getRecipientName(),
          row.getRecipientCpr(), row.isProtectedAddress() ? null : row.getAddress(), row.isProtectedAddress(),
          row.getPdf(), letter.getSentAt()));
    } catch (RuntimeException e) {
      int attempt = row.getAttempts() + 1;
      Instant next = clock.instant().plus(backoff(attempt));
      String text = e.getClass().getSimpleName() + ": " + e.getMessage();
      outbox.markFailed(id, node, text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH),
          next);
      log.warn("Letter {} not sent (attempt {}); next attempt from {}: {}", row.getMessageKey(), attempt, next, text);
      return false;
    }
    outbox.markSent(id, channel.name(), clock.instant());
    log.info("Letter {} of case {} sent through {}", row.getMessageKey(), letter.getCaseNumber(), channel.name());
    return true;
  }

  Duration backoff(int failedAttempts) {
    Duration max = properties.getMaxBackoff();
    Duration pause = properties.getRetryBackoff();
    for (int i = 1; i < failedAttempts && pause.compareTo(max) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(max) < 0 ? pause : max;
  }
}
