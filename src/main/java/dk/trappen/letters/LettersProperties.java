package dk.trappen.letters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trappen.letters}: the sender shown on every letter, who gets a decision, the appeal guidance per kind of
 * decision, and the channel. Checked at start-up by {@link LettersConfiguration}, which names the offending key.
 */
@Getter
@Setter
@ConfigurationProperties("trappen.letters")
public class LettersProperties {

  /** The sender in the letterhead, e.g. "Trappen Kommune". */
  private String municipality = "Trappen Kommune";

  /** The department under the municipality's name in the letterhead. */
  private String department = "Børne- og Familieafdelingen";

  /** The sender's postal address in the letterhead. */
  private String senderAddress = "Rådhuspladsen 1, 1234 Trappen";

  /**
   * From this age the youth is a party to decisions under Barnets Lov and receives the decision letter too (Barnets
   * Lov § 5: from 12 years). The municipality's lawyer checks it.
   */
  private int youthPartyAge = 12;

  /** The appeal guidance (klagevejledning) per kind of decision: step-chosen, placement-approved, intervention-ended. */
  private Map<String, Appeal> appeal = new LinkedHashMap<>();

  /**
   * The drop folder (the shipped channel): each letter is written once as {@code <message key>.pdf} with
   * {@code <message key>.json} beside it, for the municipality's print and post service. Relative to the working
   * directory.
   */
  private Path dropFolder = Path.of("data", "letters-out");

  /** Dispatch the letters' outbox in the background (off in the tests, which call the dispatcher themselves). */
  private boolean dispatchEnabled = true;

  /** How often each node looks for letters to send. */
  private Duration pollInterval = Duration.ofSeconds(10);

  /** How long a node holds a letter it is sending before another node may take it over. */
  private Duration claimFor = Duration.ofMinutes(2);

  /** The first pause after a failed send; doubles per failure up to {@link #maxBackoff}. */
  private Duration retryBackoff = Duration.ofMinutes(1);

  private Duration maxBackoff = Duration.ofHours(1);

  private int batchSize = 50;

  /** The appeal guidance of one kind of decision. */
  @Getter
  @Setter
  public static class Appeal {
    /** The time limit in weeks from when the recipient received the decision (Barnets Lov: 4 weeks). */
    private int timeLimitWeeks;
    /** Where the appeal is decided, e.g. Ankestyrelsen. */
    private String appealBody;
    /**
     * The guidance as printed: {0} is the time limit in weeks, {1} the appeal body, {2} the municipality (a
     * {@link java.text.MessageFormat} pattern: a literal apostrophe is written twice).
     */
    private String text;
  }
}
