package dk.trappen.meetings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {
  List<FollowUp> findByCaseIdOrderByOrdinalAsc(Long caseId);

  long countByCaseId(Long caseId);
}
