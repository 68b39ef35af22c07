package dk.trappen.meetings;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {
  @CachedQueryPlan
  List<FollowUp> findByCaseIdOrderByOrdinalAsc(Long caseId);

  @CachedQueryPlan
  long countByCaseId(Long caseId);
}
