package dk.trappen.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<YouthCase, Long> {
  Optional<YouthCase> findByCaseNumber(String caseNumber);

  Optional<YouthCase> findFirstByChildCprAndStatus(String cpr, CaseStatus status);

  List<YouthCase> findByChildCprOrderByOpenedAtDesc(String cpr);

  long countByStatus(CaseStatus status);

  List<YouthCase> findByTeamCodeAndStatusOrderByCaseNumberAsc(String teamCode, CaseStatus status);

  List<YouthCase> findByCaseNumberIn(java.util.Collection<String> caseNumbers);
}
