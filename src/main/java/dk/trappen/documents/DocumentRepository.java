package dk.trappen.documents;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<Document, Long> {

  List<Document> findByCaseIdOrderByDocumentDateDescIdDesc(Long caseId);

  long countByCaseId(Long caseId);

  /**
   * Marks a document filed in error unless it is already: 1 for the marking that won, 0 for any other. Clears the
   * persistence context, so that no stale copy is written back.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Document d set d.filedInErrorAt = :at, d.filedInErrorBy = :by, d.filedInErrorReason = :reason
      where d.id = :id and d.filedInErrorAt is null""")
  int markFiledInError(Long id, Instant at, String by, String reason);
}
