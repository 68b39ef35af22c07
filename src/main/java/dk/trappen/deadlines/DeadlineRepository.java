package dk.trappen.deadlines;

import dk.trappen.common.CachedQueryPlan;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface DeadlineRepository extends JpaRepository<Deadline, Long> {

  /*
   * The two lookups below run on every timer and every task event of every case. They are JPQL on purpose: Spring
   * Data builds a derived finder as a new criteria query on each call, and Hibernate 6.6 translated these two afresh
   * every time even with the plan-cacheable hint (ConcreteSqmSelectQueryPlan.buildCacheableSqmInterpretation and
   * createCriteriaQuery were 6 % of the benchmark seeder's CPU). A JPQL string's plan is cached by its text. The open
   * deadlines of one execution are a handful of rows, so no limit is needed.
   */

  /** The open deadlines of one kind on an execution, newest first. */
  @Query("""
      select d from Deadline d
      where d.executionId = :executionId and d.kind = :kind and d.metAt is null and d.cancelledAt is null
      order by d.id desc""")
  List<Deadline> findOpenOfExecution(String executionId, DeadlineKind kind);

  /** The open deadlines on an execution. */
  @Query("""
      select d from Deadline d
      where d.executionId = :executionId and d.metAt is null and d.cancelledAt is null""")
  List<Deadline> findOpenOfExecution(String executionId);

  @CachedQueryPlan
  List<Deadline> findByProcessInstanceIdAndKindAndMetAtIsNullAndCancelledAtIsNullAndEscalatedAtIsNullAndDueAtLessThanEqual(
      String processInstanceId, DeadlineKind kind, Instant now);

  /**
   * Escalates one open deadline unless it is escalated already: the idempotency guard of the escalation. Returns 1
   * for the run that escalated it and 0 for any other (a job run twice; under PostgreSQL READ COMMITTED a concurrent
   * second run waits for the first one's row lock and then finds {@code escalatedAt} set). Clears the persistence
   * context afterwards, so that no stale managed copy of the row is later written back over the escalation. Sets
   * when the deadline, still not met, escalates on to the head ({@code headDueAt}, the second tier).
   */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Deadline d set d.escalatedAt = :now, d.missedAt = d.dueAt, d.headDueAt = :headDueAt
      where d.id = :id and d.escalatedAt is null and d.metAt is null and d.cancelledAt is null""")
  int markEscalated(Long id, Instant now, Instant headDueAt);

  /*
   * A paused deadline (paused_at set, DeadlineExtensions) is neither at risk nor overdue, and does not reach the head
   * while paused: the queries below that count or list late deadlines leave it out.
   */

  /**
   * Open deadlines due at the head by {@code now} (an exact tier at its very time; one counted in days at 23:59:59 of
   * its last day, as its timer-driven first tier) and not escalated to the head yet, oldest due first.
   */
  @Query("""
      select d.id from Deadline d
      where d.headDueAt <= :now and d.headEscalatedAt is null and d.metAt is null and d.cancelledAt is null
        and d.pausedAt is null
      order by d.headDueAt asc, d.id asc""")
  List<Long> findDueAtHead(Instant now, Pageable page);

  /** Open deadlines escalated to the team leader before the second tier existed: they have no head_due_at yet. */
  @Query("""
      select d from Deadline d
      where d.escalatedAt is not null and d.headDueAt is null and d.headEscalatedAt is null
        and d.metAt is null and d.cancelledAt is null""")
  List<Deadline> findEscalatedWithoutHeadTier();

  /** Sets the second tier's due time of a row that has none (a conditional update: two nodes set it once). */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update Deadline d set d.headDueAt = :headDueAt where d.id = :id and d.headDueAt is null")
  int setHeadDueAt(Long id, Instant headDueAt);

  /**
   * Escalates one open deadline to the head unless it is escalated to the head already: the second tier's
   * idempotency guard, 1 for the one run (on any node) that escalated it, 0 for every other.
   */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Deadline d set d.headEscalatedAt = :now
      where d.id = :id and d.headEscalatedAt is null and d.metAt is null and d.cancelledAt is null""")
  int markEscalatedToHead(Long id, Instant now);

  /** The open deadlines of these teams that escalated to the head, earliest due first (the head's digest). */
  @Query("""
      select d from Deadline d
      where d.teamCode in :teams and d.headEscalatedAt is not null and d.metAt is null and d.cancelledAt is null
      order by d.dueAt asc, d.id asc""")
  List<Deadline> findOpenEscalatedToHead(Collection<String> teams);

  /** Every open deadline (not met, not cancelled), oldest first: for the one-off start-up migrations. */
  @Query("select d from Deadline d where d.metAt is null and d.cancelledAt is null order by d.id asc")
  List<Deadline> findAllOpen();

  @CachedQueryPlan
  List<Deadline> findByCaseIdOrderByDueAtAsc(Long caseId);

  @CachedQueryPlan
  List<Deadline> findByCaseIdAndMetAtIsNullAndCancelledAtIsNull(Long caseId);

  @Query("""
      select d from Deadline d
      where d.metAt is null and d.cancelledAt is null and d.teamCode in :teams and d.atRiskFrom <= :now
        and d.pausedAt is null
      order by d.dueAt asc""")
  List<Deadline> findOpenAtRiskOrOverdue(Collection<String> teams, Instant now);

  @Query("""
      select d from Deadline d
      where d.metAt is null and d.cancelledAt is null and d.atRiskFrom <= :now
        and d.pausedAt is null
      order by d.dueAt asc""")
  List<Deadline> findOpenAtRiskOrOverdueAllTeams(Instant now);

  /**
   * One page of the teams' open deadlines at risk or overdue (or only overdue, or only at risk), earliest due first.
   * {@code now} is a whole second ({@link DueTime#secondOf}): a deadline is overdue once that second is after its due.
   */
  @Query(value = """
      select d from Deadline d
      where d.metAt is null and d.cancelledAt is null and d.teamCode in :teams and d.atRiskFrom <= :now
        and d.pausedAt is null
        and (:overdueOnly = false or d.dueAt < :now) and (:atRiskOnly = false or d.dueAt >= :now)
      order by d.dueAt asc, d.id asc""", countQuery = """
      select count(d) from Deadline d
      where d.metAt is null and d.cancelledAt is null and d.teamCode in :teams and d.atRiskFrom <= :now
        and d.pausedAt is null
        and (:overdueOnly = false or d.dueAt < :now) and (:atRiskOnly = false or d.dueAt >= :now)""")
  Page<Deadline> findOpenAtRiskOrOverdue(Collection<String> teams, Instant now, boolean overdueOnly,
      boolean atRiskOnly, Pageable page);

  /** Open deadlines of a kind past their due time at {@code now}, a whole second ({@link DueTime#secondOf}). */
  @Query("select count(d) from Deadline d where d.kind = :kind and d.metAt is null and d.cancelledAt is null "
      + "and d.pausedAt is null and d.dueAt < :now")
  long countOverdue(DeadlineKind kind, Instant now);

  List<Deadline> findByExecutionIdIn(Collection<String> executionIds);

  @CachedQueryPlan
  List<Deadline> findByTeamCodeAndDueAtBetweenOrderByDueAtAsc(String teamCode, Instant from, Instant to);
}
