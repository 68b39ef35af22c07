package dk.trappen.plan;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionPlanRepository extends JpaRepository<ActionPlan, Long> {

  @CachedQueryPlan
  Optional<ActionPlan> findFirstByCaseIdOrderByIdDesc(Long caseId);

  @CachedQueryPlan
  List<ActionPlan> findByCaseIdOrderByIdAsc(Long caseId);
}
