package dk.trappen.letters;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * A row of the letters' outbox (table {@code letter_dispatch}, V21): one recipient's copy of a sent letter, written in
 * the transaction of the send and handed to the {@link LetterChannel} later by {@link LetterDispatcher}. Its
 * {@code messageKey} is unique; claims and the sent mark are conditional updates in {@link LetterDispatchRepository}.
 * A protected address is never stored: {@code address} is then null.
 */
@Entity
@Table(name = "letter_dispatch")
@Getter
@Setter
class LetterDispatch {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long letterId;
  private String messageKey;
  private String recipientRole;
  private String recipientName;
  private String recipientCpr;
  private String address;
  private boolean protectedAddress;
  private byte[] pdf;
  private Instant createdAt;
  private int attempts;
  private Instant nextAttemptAt;
  private String claimedBy;
  private Instant claimedUntil;
  private Instant sentAt;
  private String channel;
  private String lastError;

  /**
   * The outbox row of the {@code n}th recipient's copy (from 1) of a letter being sent: its key is
   * {@code letter-<id>-<n>} (a file name too), and a protected address is left out.
   */
  static LetterDispatch of(long letterId, int n, LetterContent.Recipient r, byte[] pdf, Instant now) {
    LetterDispatch d = new LetterDispatch();
    d.letterId = letterId;
    d.messageKey = "letter-" + letterId + "-" + n;
    d.recipientRole = r.role();
    d.recipientName = r.name();
    d.recipientCpr = r.cpr();
    d.address = r.protectedAddress() ? null : r.address();
    d.protectedAddress = r.protectedAddress();
    d.pdf = pdf;
    d.createdAt = now;
    return d;
  }
}
