package dk.trappen.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AftercareAssessmentRepository extends JpaRepository<AftercareAssessment, Long> {

  List<AftercareAssessment> findByCaseIdOrderByIdAsc(Long caseId);
}
