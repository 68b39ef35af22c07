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
  List<AuditEntry> findByCaseIdOrderByAtDescIdDesc(Long caseId);

  @CachedQueryPlan
  List<AuditEntry> findByAtGreaterThanEqualAndAtLessThanOrderByAtAscIdAsc(Instant from, Instant to);

  List<AuditEntry> findByTeamCodeAndActionAndAtGreaterThanEqualOrderByAtDescIdDesc(String teamCode, AuditAction action,
      Instant since, Limit limit);

  long count();

  long countByAction(AuditAction action);
}
