package dk.trappen.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only: save and read, no update or delete. */
interface AuditRepository extends Repository<AuditEntry, Long> {
  AuditEntry save(AuditEntry entry);

  List<AuditEntry> findByCaseIdOrderByAtDesc(Long caseId);

  List<AuditEntry> findByAtGreaterThanEqualAndAtLessThanOrderByAtAsc(Instant from, Instant to);

  long count();
}
