package dk.trappen.deadlines;

import java.time.Duration;
import java.time.LocalTime;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The second escalation tier's schedule ({@code trappen.escalation}): how often every node looks for deadlines due at
 * the head, and from what local time of day the heads' daily digests are written. How long after the team leader a
 * deadline reaches the head is a deadline rule ({@code trappen.deadlines.<kind>.escalate-to-head}).
 */
@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.escalation")
public class EscalationProperties {

  /** Pause between two looks for deadlines due at the head (and for digests to write), on every node. */
  private Duration pollInterval = Duration.ofMinutes(1);

  /** The heads' digest of a day is written from this local time (in {@code trappen.zone}) on. */
  private LocalTime digestAt = LocalTime.of(7, 0);

  /** At most this many deadlines are escalated to the head per look; the rest follow at the next. */
  private int batchSize = 100;
}
