package dk.trappen.deadlines;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * A row of the outbox: a notice written in the transaction of the change it reports, sent later by
 * {@link EscalationNotices}. Its {@code messageKey} is unique; claims and the sent mark are conditional updates in
 * {@link OutboxRepository}, never read-modify-write of this entity.
 */
@Entity
@Table(name = "outbox_message")
@Getter
@Setter
class OutboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String messageKey;
  private String topic;
  private Long caseId;
  private String caseNumber;
  private String teamCode;
  /** The recipients' usernames, comma separated. */
  private String recipients;
  private String subject;
  private String body;
  private Instant createdAt;
  private int attempts;
  private Instant nextAttemptAt;
  private String claimedBy;
  private Instant claimedUntil;
  private Instant sentAt;
  private String lastError;
}
