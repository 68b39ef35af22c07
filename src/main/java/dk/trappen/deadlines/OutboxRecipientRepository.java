package dk.trappen.deadlines;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The escalation notices addressed to one staff member: the range (username, created_at) of ix_outbox_recipient_user,
 * each joined to its notice by primary key and kept to the cases of {@code teams} (a leader who has left a team no
 * longer sees its notices).
 */
interface OutboxRecipientRepository extends JpaRepository<OutboxRecipient, OutboxRecipient.Key> {

  @Query("""
      select count(r) from OutboxRecipient r join OutboxMessage m on m.id = r.key.messageId
      where r.key.username = :username and r.createdAt > :since and m.teamCode in :teams""")
  long countAddressedTo(String username, Collection<String> teams, Instant since);

  @Query("""
      select m from OutboxRecipient r join OutboxMessage m on m.id = r.key.messageId
      where r.key.username = :username and r.createdAt > :since and m.teamCode in :teams
      order by r.createdAt desc, m.id desc""")
  List<OutboxMessage> addressedTo(String username, Collection<String> teams, Instant since, Pageable page);
}
