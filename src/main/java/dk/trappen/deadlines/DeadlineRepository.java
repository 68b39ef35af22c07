package dk.trappen.deadlines;

import dk.trappen.common.CachedQueryPlan;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface DeadlineRepository extends JpaRepository<Deadline, Long> {

  @CachedQueryPlan
  Optional<Deadline> findFirstByExecutionIdAndKindAndMetAtIsNullAndCancelledAtIsNullOrderByIdDesc(String executionId,
      DeadlineKind kind);

  @CachedQueryPlan
  List<Deadline> findByExecutionIdAndMetAtIsNullAndCancelledAtIsNull(String executionId);

  @CachedQueryPlan
  List<Deadline> findByProcessInstanceIdAndKindAndMetAtIsNullAndCancelledAtIsNullAndEscalatedAtIsNullAndDueAtLessThanEqual(
      String processInstanceId, DeadlineKind kind, Instant now);

  /**
   * Escalates one open deadline unless it is escalated already: the idempotency guard of the escalation. Returns 1
   * for the run that escalated it and 0 for any other (a job run twice; under PostgreSQL READ COMMITTED a concurrent
   * second run waits for the first one's row lock and then finds {@code escalatedAt} set). Clears the persistence
   * context afterwards, so that no stale managed copy of the row is later written back over the escalation.
   */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Deadline d set d.escalatedAt = :now, d.missedAt = d.dueAt
      where d.id = :id and d.escalatedAt is null and d.metAt is null and d.cancelledAt is null""")
  int markEscalated(Long id, Instant now);

  @CachedQueryPlan
  List<Deadline> findByCaseIdOrderByDueAtAsc(Long caseId);

  @CachedQueryPlan
  List<Deadline> findByCaseIdAndMetAtIsNullAndCancelledAtIsNull(Long caseId);

  @Query("""
      select d from Deadline d
      where d.metAt is null and d.cancelledAt is null and d.teamCode in :teams and d.atRiskFrom <= :now
      order by d.dueAt asc""")
  List<Deadline> findOpenAtRiskOrOverdue(Collection<String> teams, Instant now);

  @Query("""
      select d from Deadline d
      where d.metAt is null and d.cancelledAt is null and d.atRiskFrom <= :now
      order by d.dueAt asc""")
  List<Deadline> findOpenAtRiskOrOverdueAllTeams(Instant now);

  @Query("select count(d) from Deadline d where d.kind = :kind and d.metAt is null and d.cancelledAt is null and d.dueAt <= :now")
  long countOverdue(DeadlineKind kind, Instant now);

  List<Deadline> findByExecutionIdIn(Collection<String> executionIds);

  @CachedQueryPlan
  List<Deadline> findByTeamCodeAndDueAtBetweenOrderByDueAtAsc(String teamCode, Instant from, Instant to);
}
