package dk.trappen.deadlines;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One recipient of an escalation notice ({@link OutboxMessage#getRecipients()} as rows), so that "the notices
 * addressed to me since" is a range of one index rather than a scan of a comma-separated column. Written with the
 * notice by {@link EscalationOutbox}; never changed.
 */
@Entity
@Table(name = "outbox_recipient")
@Getter
@NoArgsConstructor
class OutboxRecipient {

  @Embeddable
  record Key(Long messageId, String username) implements Serializable {
  }

  @EmbeddedId
  private Key key;
  private Instant createdAt;

  OutboxRecipient(Long messageId, String username, Instant createdAt) {
    this.key = new Key(messageId, username);
    this.createdAt = createdAt;
  }
}
