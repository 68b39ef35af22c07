package dk.trappen.plan;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AftercareAssessmentRepository extends JpaRepository<AftercareAssessment, Long> {

  @CachedQueryPlan
  List<AftercareAssessment> findByCaseIdOrderByIdAsc(Long caseId);
}
