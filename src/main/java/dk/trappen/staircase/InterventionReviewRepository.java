package dk.trappen.staircase;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InterventionReviewRepository extends JpaRepository<InterventionReview, Long> {

  List<InterventionReview> findByCaseIdOrderByIdAsc(Long caseId);
}
