package dk.trappen.meetings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConcernRepository extends JpaRepository<Concern, Long> {
  List<Concern> findByCaseIdOrderByRaisedAtAscIdAsc(Long caseId);
}
