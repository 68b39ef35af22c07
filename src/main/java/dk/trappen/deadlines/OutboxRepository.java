package dk.trappen.deadlines;

import dk.trappen.common.CachedQueryPlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox. Every state change of a row after its insert is a conditional update whose count says whether this
 * caller won: that, not a lock held across the send, keeps two nodes from sending the same row at the same time.
 */
interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

  @CachedQueryPlan
  Optional<OutboxMessage> findByMessageKey(String messageKey);

  @CachedQueryPlan
  boolean existsByMessageKey(String messageKey);

  /** Rows that may be sent now: not sent, not backed off, not claimed by a live claim; oldest first. */
  @Query("""
      select m.id from OutboxMessage m
      where m.sentAt is null
        and (m.nextAttemptAt is null or m.nextAttemptAt <= :now)
        and (m.claimedUntil is null or m.claimedUntil < :now)
      order by m.id asc""")
  List<Long> findDue(Instant now, Pageable page);

  /** Claims a row for {@code node} until {@code until}; 1 if this node won it, 0 if it is sent or claimed. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update OutboxMessage m set m.claimedBy = :node, m.claimedUntil = :until
      where m.id = :id and m.sentAt is null
        and (m.nextAttemptAt is null or m.nextAttemptAt <= :now)
        and (m.claimedUntil is null or m.claimedUntil < :now)""")
  int claim(Long id, String node, Instant until, Instant now);

  /** Marks a row sent and releases the claim. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update OutboxMessage m set m.sentAt = :sentAt, m.claimedBy = null, m.claimedUntil = null
      where m.id = :id and m.sentAt is null""")
  int markSent(Long id, Instant sentAt);

  /**
   * Records a failed attempt by {@code node}: one more attempt, the error, the claim released, the next attempt not
   * before {@code nextAttemptAt}. Does nothing if the claim is no longer this node's.
   */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update OutboxMessage m set m.attempts = m.attempts + 1, m.lastError = :error, m.nextAttemptAt = :nextAttemptAt,
        m.claimedBy = null, m.claimedUntil = null
      where m.id = :id and m.sentAt is null and m.claimedBy = :node""")
  int markFailed(Long id, String node, String error, Instant nextAttemptAt);

  @CachedQueryPlan
  long countBySentAtIsNull();

  @CachedQueryPlan
  long countBySentAtIsNullAndAttemptsGreaterThan(int attempts);
}
