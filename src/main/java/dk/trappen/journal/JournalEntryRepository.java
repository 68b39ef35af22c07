package dk.trappen.journal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface JournalEntryRepository extends JpaRepository<JournalEntry, Long> {

  List<JournalEntry> findByCaseIdOrderByIdAsc(Long caseId);

  boolean existsByCaseIdAndKindAndSupersededAtIsNull(Long caseId, JournalKind kind);

  /**
   * Marks a version superseded unless it is already: the guard of a correction. 1 for the correction that won, 0
   * for any other (under PostgreSQL READ COMMITTED a concurrent second one waits for the first one's row lock and
   * then finds {@code supersededAt} set). Clears the persistence context, so that no stale copy is written back.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update JournalEntry e set e.supersededAt = :at, e.supersededBy = :by
      where e.id = :id and e.supersededAt is null""")
  int markSuperseded(Long id, Instant at, String by);
}
