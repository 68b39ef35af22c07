package dk.trappen.investigation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvestigationRepository extends JpaRepository<Investigation, Long> {
  Optional<Investigation> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
