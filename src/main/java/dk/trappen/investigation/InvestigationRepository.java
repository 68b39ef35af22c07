package dk.trappen.investigation;

import dk.trappen.common.CachedQueryPlan;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvestigationRepository extends JpaRepository<Investigation, Long> {
  @CachedQueryPlan
  Optional<Investigation> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
