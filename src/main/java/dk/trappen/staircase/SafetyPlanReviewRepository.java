package dk.trappen.staircase;

import dk.trappen.common.CachedQueryPlan;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SafetyPlanReviewRepository extends JpaRepository<SafetyPlanReview, Long> {
  @CachedQueryPlan
  List<SafetyPlanReview> findBySafetyPlanIdInOrderByReviewedAtDescIdDesc(Collection<Long> safetyPlanIds);
}
