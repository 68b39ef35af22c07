package dk.trappen.staircase;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SafetyPlanRepository extends JpaRepository<SafetyPlan, Long> {
  @CachedQueryPlan
  List<SafetyPlan> findByCaseIdOrderByIdAsc(Long caseId);

  @CachedQueryPlan
  Optional<SafetyPlan> findByInterventionId(Long interventionId);
}
