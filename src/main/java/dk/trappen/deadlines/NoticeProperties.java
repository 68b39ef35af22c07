package dk.trappen.deadlines;

import java.time.Duration;
import java.util.Locale;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The team leaders' notices of escalated deadlines ({@code trappen.notices}): how often the outbox is polled, how long
 * a node's claim on a notice lasts, the back-off after a failed send, and where e-mail goes. E-mail is sent only when
 * {@code spring.mail.host} is set; otherwise notices are written to the log {@code dk.trappen.notices}.
 */
@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.notices")
public class NoticeProperties {

  /** Whether this node polls the outbox and sends notices (off in tests, which dispatch by hand). */
  private boolean enabled = true;

  /** Pause between two polls of the outbox. */
  private Duration pollInterval = Duration.ofSeconds(5);

  /**
   * How long a node's claim on a notice lasts. Must exceed the longest send (see the SMTP timeouts in
   * application.yml): a claim that expires while its node still sends lets another node send the notice again.
   */
  private Duration claimFor = Duration.ofMinutes(2);

  /** At most this many notices are sent per poll. */
  private int batchSize = 50;

  /** The pause after the first failed send; doubled after each further failure up to {@code max-backoff}. */
  private Duration retryBackoff = Duration.ofMinutes(1);

  /** The longest pause between two attempts. */
  private Duration maxBackoff = Duration.ofHours(1);

  /** The language the notices are written in. */
  private Locale locale = Locale.forLanguageTag("da");

  /** E-mail: the domain of the staff addresses, {@code <username>@<mail-domain>}. */
  private String mailDomain;

  /** E-mail: send every notice to this address instead of to each team leader (a shared mailbox). */
  private String mailTo;

  /** E-mail: the sender address; defaults to {@code trappen@<mail-domain>}. */
  private String mailFrom;

  /** E-mail: the right-hand side of the Message-ID, {@code <message key@message-id-domain>}. */
  private String messageIdDomain = "trappen";
}
