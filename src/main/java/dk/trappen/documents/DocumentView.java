package dk.trappen.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A document as the API and the case page list it: its description, the detected media type, size and SHA-256
 * checksum (lower-case hex) of the content, who stored it and when, and whether it is filed in error (then with who,
 * when and why). Never the content.
 *
 * @param generated whether Trappen generated it (a letter or plan it sent) rather than a person uploading it
 */
public record DocumentView(long id, String caseNumber, String title, DocumentKind kind, LocalDate date,
                           String fileName, String mediaType, long size, String sha256, boolean generated,
                           Instant storedAt, String storedBy, boolean filedInError, Instant filedInErrorAt,
                           String filedInErrorBy, String filedInErrorReason) {

  static DocumentView of(Document d) {
    return new DocumentView(d.getId(), d.getCaseNumber(), d.getTitle(), d.getKind(), d.getDocumentDate(),
        d.getFileName(), d.getMediaType(), d.getSizeBytes(), d.getSha256(), d.isGenerated(), d.getStoredAt(),
        d.getStoredBy(), d.getFiledInErrorAt() != null, d.getFiledInErrorAt(), d.getFiledInErrorBy(),
        d.getFiledInErrorReason());
  }
}
