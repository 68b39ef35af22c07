package dk.trappen.parties;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartyRepository extends JpaRepository<Party, Long> {

  List<Party> findByCaseIdOrderByIdAsc(Long caseId);

  /**
   * Pairs (case, other case) of cases that share a custody holder: a party with custody and a CPR number in one of
   * {@code caseIds} and a party with custody and the same CPR number in another case (by ix_case_party_custody_cpr).
   */
  @Query("""
      select distinct p.caseId, q.caseId from Party p, Party q
      where p.caseId in :caseIds and p.custody = true and p.cpr is not null
        and q.cpr = p.cpr and q.custody = true and q.caseId <> p.caseId""")
  List<Object[]> casesSharingCustodyHolder(Collection<Long> caseIds);
}
