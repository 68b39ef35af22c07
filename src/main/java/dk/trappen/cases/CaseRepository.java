package dk.trappen.cases;

import dk.trappen.common.CachedQueryPlan;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/**
 * Every finder that returns cases fetches the child in the same statement ({@code join fetch}): a query loads an
 * eager association with one more select per row otherwise, 41 extra statements for a 41-task list. JPQL rather than
 * an entity graph on a derived query, because Hibernate caches the translation of the one and not of the other.
 */
interface CaseRepository extends JpaRepository<YouthCase, Long>, JpaSpecificationExecutor<YouthCase> {
  @Query("select c from YouthCase c join fetch c.child where c.caseNumber = :caseNumber")
  Optional<YouthCase> findByCaseNumber(String caseNumber);

  @Query("select c from YouthCase c join fetch c.child ch where ch.cpr = :cpr and c.status = :status order by c.id")
  List<YouthCase> findByChildCprAndStatus(String cpr, CaseStatus status);

  @Query("select c from YouthCase c join fetch c.child ch where ch.cpr = :cpr order by c.openedAt desc")
  List<YouthCase> findByChildCprOrderByOpenedAtDesc(String cpr);

  @CachedQueryPlan
  long countByStatus(CaseStatus status);

  @Query("""
      select c from YouthCase c join fetch c.child
      where c.teamCode = :teamCode and c.status = :status order by c.caseNumber""")
  List<YouthCase> findByTeamCodeAndStatusOrderByCaseNumberAsc(String teamCode, CaseStatus status);

  @Query(value = """
      select c from YouthCase c join fetch c.child
      where c.teamCode = :teamCode and c.status = :status order by c.caseNumber""", countQuery = """
      select count(c) from YouthCase c where c.teamCode = :teamCode and c.status = :status""")
  Page<YouthCase> findByTeamCodeAndStatus(String teamCode, CaseStatus status, Pageable page);

  @Query("select c from YouthCase c join fetch c.child where c.caseNumber in :caseNumbers")
  List<YouthCase> findByCaseNumberIn(Collection<String> caseNumbers);

  /** Every case of these children (by ix_youth_case_child), for "the child's other cases" beside a search's rows. */
  @Query("select c from YouthCase c join fetch c.child ch where ch.id in :childIds order by c.openedAt desc")
  List<YouthCase> findByChildIdIn(Collection<Long> childIds);

  @Query("select c from YouthCase c join fetch c.child ch where c.id in :ids order by ch.lastName, ch.firstName, c.openedAt desc")
  List<YouthCase> findByIdInWithChild(Collection<Long> ids);
}
