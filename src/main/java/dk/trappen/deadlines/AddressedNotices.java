package dk.trappen.deadlines;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation notices addressed to a staff member (the team leaders' notice of an escalated deadline and the heads'
 * of the second tier; not the heads' daily digest, which repeats them), read for the bell. Only notices about cases of
 * the reader's teams, and only those queued since the recipients have had rows (migration V16).
 */
@Service
@Transactional(readOnly = true)
public class AddressedNotices {

  /** A notice as the bell shows it; {@code headTier} for the heads' notice of the second tier. */
  public record AddressedNotice(String messageKey, boolean headTier, long caseId, String caseNumber, String teamCode,
                                String subject, Instant createdAt) {
  }

  private final OutboxRecipientRepository recipients;

  AddressedNotices(OutboxRecipientRepository recipients) {
    this.recipients = recipients;
  }

  /** How many notices about cases of {@code teams} were addressed to {@code username} after {@code since}. */
  public long countSince(String username, Collection<String> teams, Instant since) {
    return teams.isEmpty() ? 0 : recipients.countAddressedTo(username, teams, since);
  }

  /** The notices about cases of {@code teams} addressed to {@code username} after {@code since}, newest first. */
  public List<AddressedNotice> since(String username, Collection<String> teams, Instant since, int max) {
    if (teams.isEmpty()) {
      return List.of();
    }
    return recipients.addressedTo(username, teams, since, PageRequest.of(0, max)).stream()
        .map(m -> new AddressedNotice(m.getMessageKey(), EscalationOutbox.HEAD_TOPIC.equals(m.getTopic()),
            m.getCaseId() == null ? -1 : m.getCaseId(), m.getCaseNumber(), m.getTeamCode(), m.getSubject(),
            m.getCreatedAt()))
        .toList();
  }
}
