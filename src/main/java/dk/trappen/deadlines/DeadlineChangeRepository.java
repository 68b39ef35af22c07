package dk.trappen.deadlines;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeadlineChangeRepository extends JpaRepository<DeadlineChange, Long> {

  List<DeadlineChange> findByCaseIdOrderByIdAsc(Long caseId);

  List<DeadlineChange> findByDeadlineIdOrderByIdAsc(Long deadlineId);

  boolean existsByDeadlineIdAndState(Long deadlineId, DeadlineChangeState state);

  List<DeadlineChange> findByTeamCodeInAndStateOrderByRequestedAtAscIdAsc(Collection<String> teams,
      DeadlineChangeState state);

  /**
   * Decides a requested change unless it is decided already: 1 for the one decision that changed it, 0 for any other
   * (under READ COMMITTED a concurrent second decision waits for the first one's row lock, then finds it decided).
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update DeadlineChange c set c.state = :state, c.decidedBy = :by, c.decidedAt = :at, c.decisionNote = :note,
        c.newDueAt = :newDueAt, c.pendingFor = null
      where c.id = :id and c.state = dk.trappen.deadlines.DeadlineChangeState.REQUESTED""")
  int decide(Long id, DeadlineChangeState state, String by, Instant at, String note, Instant newDueAt);
}
