package dk.trappen.meetings;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConcernRepository extends JpaRepository<Concern, Long> {
  @CachedQueryPlan
  List<Concern> findByCaseIdOrderByRaisedAtAscIdAsc(Long caseId);
}
