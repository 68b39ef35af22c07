package dk.trappen.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionPlanRepository extends JpaRepository<ActionPlan, Long> {

  Optional<ActionPlan> findFirstByCaseIdOrderByIdDesc(Long caseId);

  List<ActionPlan> findByCaseIdOrderByIdAsc(Long caseId);
}
