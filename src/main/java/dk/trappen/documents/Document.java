package dk.trappen.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;

/**
 * A document's description; its content is {@link DocumentContent}, so that reading this never reads the bytes.
 * Written once; the only later change is the conditional marking as filed in error
 * ({@link DocumentRepository#markFiledInError}).
 */
@Entity
@Table(name = "document")
@Getter
@Setter
class Document {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String caseNumber;
  private String title;
  @Enumerated(EnumType.STRING)
  private DocumentKind kind;
  private LocalDate documentDate;
  private String fileName;
  private String mediaType;
  private long sizeBytes;
  private String sha256;
  private boolean generated;
  private Instant storedAt;
  private String storedBy;
  private Instant filedInErrorAt;
  private String filedInErrorBy;
  private String filedInErrorReason;
}
