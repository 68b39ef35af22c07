package dk.trappen.letters;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters' outbox. As the notices' outbox ({@code deadlines.OutboxRepository}): every state change after the
 * insert is a conditional update whose count says whether this caller won, so two nodes never hand the same letter to
 * the channel at the same time, and a sent row is never sent again.
 */
interface LetterDispatchRepository extends JpaRepository<LetterDispatch, Long> {

  List<LetterDispatch> findByLetterIdOrderByIdAsc(long letterId);

  boolean existsByMessageKey(String messageKey);

  long countBySentAtIsNull();

  /** Rows that may be sent now: not sent, not backed off, not claimed by a live claim; oldest first. */
  @Query("""
      select d.id from LetterDispatch d
      where d.sentAt is null
        and (d.nextAttemptAt is null or d.nextAttemptAt <= :now)
        and (d.claimedUntil is null or d.claimedUntil < :now)
      order by d.id asc""")
  List<Long> findDue(Instant now, Pageable page);

  /** Claims a row for {@code node} until {@code until}; 1 if this node won it, 0 if it is sent or claimed. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update LetterDispatch d set d.claimedBy = :node, d.claimedUntil = :until
      where d.id = :id and d.sentAt is null
        and (d.nextAttemptAt is null or d.nextAttemptAt <= :now)
        and (d.claimedUntil is null or d.claimedUntil < :now)""")
  int claim(long id, String node, Instant until, Instant now);

  /** Marks a row sent through {@code channel} and releases the claim. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update LetterDispatch d set d.sentAt = :sentAt, d.channel = :channel, d.claimedBy = null, d.claimedUntil = null
      where d.id = :id and d.sentAt is null""")
  int markSent(long id, String channel, Instant sentAt);

  /** Records a failed attempt by {@code node}: the error, the claim released, the next attempt not before then. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update LetterDispatch d set d.attempts = d.attempts + 1, d.lastError = :error,
        d.nextAttemptAt = :nextAttemptAt, d.claimedBy = null, d.claimedUntil = null
      where d.id = :id and d.sentAt is null and d.claimedBy = :node""")
  int markFailed(long id, String node, String error, Instant nextAttemptAt);
}
