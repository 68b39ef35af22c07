package dk.trappen.parties;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PartyRepository extends JpaRepository<Party, Long> {

  List<Party> findByCaseIdOrderByIdAsc(Long caseId);
}
