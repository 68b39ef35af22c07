package dk.trappen.staircase;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InterventionRepository extends JpaRepository<Intervention, Long> {

  List<Intervention> findByCaseIdOrderByIdAsc(Long caseId);

  List<Intervention> findByCaseIdAndStatusOrderByIdAsc(Long caseId, InterventionStatus status);

  List<Intervention> findByCaseIdAndStatusInOrderByIdAsc(Long caseId, Collection<InterventionStatus> statuses);

  List<Intervention> findByCaseIdInOrderByIdAsc(Collection<Long> caseIds);

  @Query("select i.stepKey, count(i) from Intervention i where i.status = :status group by i.stepKey")
  List<Object[]> countByStepKey(InterventionStatus status);
}
