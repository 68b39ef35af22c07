package dk.trappen.letters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The letters. Editing and sending are conditional updates of a draft whose count says whether the draft was still
 * a draft: of an edit and a send racing, or two sends, exactly one changes a given state, and a sent letter is never
 * written again.
 */
interface LetterRepository extends JpaRepository<Letter, Long> {

  List<Letter> findByCaseIdOrderByIdDesc(long caseId);

  Optional<Letter> findBySourceKey(String sourceKey);

  boolean existsBySourceKey(String sourceKey);

  /** Edits a draft's texts; 1 if it was a draft, 0 if it is sent. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Letter l set l.reasons = :reasons, l.freeText = :freeText, l.updatedAt = :at, l.updatedBy = :user
      where l.id = :id and l.status = dk.trappen.letters.LetterStatus.DRAFT""")
  int editDraft(long id, String reasons, String freeText, Instant at, String user);

  /** Freezes a draft as sent with the case's copy of its PDF; 1 if it was a draft, 0 if it is sent already. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Letter l set l.status = dk.trappen.letters.LetterStatus.SENT, l.sentAt = :at, l.sentBy = :user,
        l.pdf = :pdf, l.fileName = :fileName
      where l.id = :id and l.status = dk.trappen.letters.LetterStatus.DRAFT""")
  int markSent(long id, byte[] pdf, String fileName, Instant at, String user);
}
