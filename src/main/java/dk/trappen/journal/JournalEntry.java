package dk.trappen.journal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * One version of a journal entry. Written once; the only later change is the conditional marking of a version as
 * superseded by its correction ({@link JournalEntryRepository#markSuperseded}).
 */
@Entity
@Table(name = "journal_entry")
@Getter
@Setter
class JournalEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String caseNumber;
  /** The id of the entry's first version; null on the first version itself. */
  private Long firstId;
  private int version;
  /** The version this one corrects; null on a first version. */
  private Long replacesId;
  @Enumerated(EnumType.STRING)
  private JournalKind kind;
  private Instant happenedAt;
  private Instant writtenAt;
  private String author;
  private String text;
  private String correctionReason;
  private Instant supersededAt;
  private String supersededBy;

  /** The id shared by every version of the entry: the first version's. */
  long entryId() {
    return firstId != null ? firstId : id;
  }
}
