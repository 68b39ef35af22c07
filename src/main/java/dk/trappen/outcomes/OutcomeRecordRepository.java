package dk.trappen.outcomes;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutcomeRecordRepository extends JpaRepository<OutcomeRecord, Long> {
  @CachedQueryPlan
  List<OutcomeRecord> findByCaseIdOrderByRecordedAtDescIdDesc(Long caseId);
}
