package dk.trappen.audit;

import dk.trappen.common.CachedQueryPlan;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Append-only: save and read, no update or delete. */
interface AuditRepository extends Repository<AuditEntry, Long> {
  AuditEntry save(AuditEntry entry);

  @CachedQueryPlan
  List<AuditEntry> findByCaseIdOrderByAtDesc(Long caseId);

  @CachedQueryPlan
  List<AuditEntry> findByAtGreaterThanEqualAndAtLessThanOrderByAtAsc(Instant from, Instant to);

  List<AuditEntry> findByTeamCodeAndActionAndAtGreaterThanEqualOrderByAtDesc(String teamCode, AuditAction action,
      Instant since, Limit limit);

  long count();

  long countByAction(AuditAction action);
}
