package dk.trappen.deadlines;

import java.time.Instant;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The conditional updates that move a register row's due time ({@link DeadlineExtensions}): each changes the row only
 * if it still stands as the caller read it (open, with that due time, paused or not), so that of two changes at once
 * one wins and the other changes nothing (0).
 */
interface DeadlineMoves extends Repository<Deadline, Long> {

  /** Moves the due time of an open, running deadline from {@code oldDueAt}; a second tier not reached yet moves too. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Deadline d set d.dueAt = :newDueAt, d.atRiskFrom = :atRiskFrom,
        d.headDueAt = case when d.headDueAt is not null and d.headEscalatedAt is null then :headDueAt
                           else d.headDueAt end
      where d.id = :id and d.dueAt = :oldDueAt and d.pausedAt is null and d.metAt is null and d.cancelledAt is null""")
  int extend(Long id, Instant oldDueAt, Instant newDueAt, Instant atRiskFrom, Instant headDueAt);

  /** Stops the clock of an open, running deadline due at {@code dueAt}. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Deadline d set d.pausedAt = :at
      where d.id = :id and d.dueAt = :dueAt and d.pausedAt is null and d.metAt is null and d.cancelledAt is null""")
  int pause(Long id, Instant dueAt, Instant at);

  /** Starts the clock of a deadline paused at {@code pausedAt} again, due at {@code newDueAt}. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Deadline d set d.pausedAt = null, d.dueAt = :newDueAt, d.atRiskFrom = :atRiskFrom,
        d.headDueAt = case when d.headDueAt is not null and d.headEscalatedAt is null then :headDueAt
                           else d.headDueAt end
      where d.id = :id and d.pausedAt = :pausedAt and d.metAt is null and d.cancelledAt is null""")
  int resume(Long id, Instant pausedAt, Instant newDueAt, Instant atRiskFrom, Instant headDueAt);
}
