package dk.trappen.letters;

import dk.trappen.staircase.StaircaseDecision;
import jakarta.persistence.Column;
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
 * A letter on a case (table {@code letter}, V21). A draft's reasons and free text are edited through
 * {@link LettersService}; sending is a conditional update of a draft ({@link LetterRepository#markSent}), after which
 * nothing changes the row.
 */
@Entity
@Table(name = "letter")
@Getter
@Setter
class Letter {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long caseId;
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private LetterKind kind;
  @Enumerated(EnumType.STRING)
  private StaircaseDecision.Kind decisionKind;
  private String sourceKey;
  @Enumerated(EnumType.STRING)
  private LetterStatus status;
  private String title;
  private String stepKey;
  private String decision;
  private String legalBasis;
  private String reasons;
  private String freeText;
  private String appealGuidance;
  private String notifier;
  private Instant receivedAt;
  private Instant createdAt;
  private String createdBy;
  private Instant updatedAt;
  private String updatedBy;
  private Instant sentAt;
  private String sentBy;
  private String fileName;
  @Column(name = "pdf")
  private byte[] pdf;

  /** The file name of the letter's PDF until it is sent: case number, kind and id. */
  String defaultFileName() {
    return caseNumber + "-" + kind.fileWord() + "-" + id + ".pdf";
  }
}
