package dk.trappen.staircase;

import dk.trappen.common.CachedQueryPlan;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InterventionRepository extends JpaRepository<Intervention, Long> {

  @CachedQueryPlan
  List<Intervention> findByCaseIdOrderByIdAsc(Long caseId);

  @CachedQueryPlan
  List<Intervention> findByCaseIdAndStatusOrderByIdAsc(Long caseId, InterventionStatus status);

  @CachedQueryPlan
  List<Intervention> findByCaseIdAndStatusInOrderByIdAsc(Long caseId, Collection<InterventionStatus> statuses);

  @CachedQueryPlan
  List<Intervention> findByCaseIdInOrderByIdAsc(Collection<Long> caseIds);

  @Query("select i.stepKey, count(i) from Intervention i where i.status = :status group by i.stepKey")
  List<Object[]> countByStepKey(InterventionStatus status);
}
