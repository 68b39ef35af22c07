package dk.trappen.documents;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a case: lists them, stores uploads and the documents Trappen generates, hands out the content and
 * files a document in error, with plain values (the case as {@link CaseRef}, the user's name). The caller has been let
 * through {@code security.CaseAccess} for the case first; the rules are {@link DocumentPolicy}'s, every problem at
 * once, and a refused document stores nothing. Nothing is ever deleted.
 *
 * <p>Other features store through this service: the letters a case sends through {@link #storeGenerated} (from an
 * {@code @EventListener} on the letter-sent event, added where the two meet), which runs the same type detection,
 * limits and checksum as an upload.
 */
@Service
public class DocumentService {

  private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

  private final DocumentRepository documents;
  private final DocumentContentRepository contents;
  private final DocumentPolicy policy;
  private final Clock clock;

  DocumentService(DocumentRepository documents, DocumentContentRepository contents, DocumentPolicy policy,
      Clock clock) {
    this.documents = documents;
    this.contents = contents;
    this.policy = policy;
    this.clock = clock;
  }

  /** The case's documents, newest by date first, those filed in error included; never their content. */
  @Transactional(readOnly = true)
  public List<DocumentView> documents(long caseId) {
    return documents.findByCaseIdOrderByDocumentDateDescIdDesc(caseId).stream().map(DocumentView::of).toList();
  }

  /** How many documents the case holds, those filed in error included. */
  @Transactional(readOnly = true)
  public long count(long caseId) {
    return documents.countByCaseId(caseId);
  }

  /** The case number of the document {@code id}, so that the caller can open the case through CaseAccess. */
  @Transactional(readOnly = true)
  public Optional<String> caseNumberOf(long id) {
    return documents.findById(id).map(Document::getCaseNumber);
  }

  /** Stores an upload on the case by {@code user}; refused with every problem at once, storing nothing. */
  @Transactional
  public DocumentView store(CaseRef c, NewDocument in, byte[] content, String user) {
    DocumentPolicy.Checked checked = policy.check(in, content, false);
    refuseUnless(checked.problems());
    return save(c, in, content, checked.mediaType(), false, user);
  }

  /**
   * Stores a document Trappen generated (a letter or plan it sends) on the case: checked as an upload is (type
   * detected from the content and agreeing with {@code fileName} and {@code mediaType}, the size and zip limits), any
   * kind allowed. Refused with an {@link InvalidInputException}, storing nothing.
   */
  @Transactional
  public DocumentView storeGenerated(CaseRef c, String title, DocumentKind kind, LocalDate date, String fileName,
      String mediaType, byte[] content, String user) {
    NewDocument in = new NewDocument(title, kind == null ? null : kind.name(), date == null ? null : date.toString(),
        fileName);
    DocumentPolicy.Checked checked = policy.check(in, content, true);
    refuseUnless(checked.problems());
    if (mediaType != null && !mediaType.equalsIgnoreCase(checked.mediaType())) {
      throw InvalidInputException.of("file", "problem.documents.file.typeMismatch", mediaType, checked.mediaType());
    }
    return save(c, in, content, checked.mediaType(), true, user);
  }

  /** The document {@code id} of the case with its content; not found when it is not on the case. */
  @Transactional(readOnly = true)
  public DocumentFile file(CaseRef c, long id) {
    Document d = onCase(c, id);
    byte[] content = contents.findById(id).map(DocumentContent::getContent)
        .orElseThrow(() -> new IllegalStateException("document " + id + " has no content"));
    return new DocumentFile(DocumentView.of(d), content);
  }

  /**
   * Marks the document {@code id} of the case filed in error (journaliseret ved en fejl) by {@code user} with the
   * reason; it stays listed, with its content. A document filed in error already is a conflict (409), also when two
   * markings race; one not on the case is not found.
   */
  @Transactional
  public DocumentView fileInError(CaseRef c, long id, FiledInError marking, String user) {
    refuseUnless(policy.problems(marking));
    Document d = onCase(c, id);
    if (d.getFiledInErrorAt() != null
        || documents.markFiledInError(id, clock.instant(), user, marking.reason().strip()) == 0) {
      throw InvalidInputException.conflict("id", "problem.documents.alreadyFiledInError", id);
    }
    log.info("Document {} filed in error on case {} by {}", id, c.caseNumber(), user);
    return DocumentView.of(documents.findById(id).orElseThrow());
  }

  private DocumentView save(CaseRef c, NewDocument in, byte[] content, String mediaType, boolean generated,
      String user) {
    Instant now = clock.instant();
    Document d = new Document();
    d.setCaseId(c.id());
    d.setCaseNumber(c.caseNumber());
    d.setTitle(in.title().strip());
    d.setKind(DocumentKind.valueOf(in.kind().strip()));
    d.setDocumentDate(LocalDate.parse(in.date().strip()));
    d.setFileName(in.fileName().strip());
    d.setMediaType(mediaType);
    d.setSizeBytes(content.length);
    d.setSha256(sha256(content));
    d.setGenerated(generated);
    d.setStoredAt(now);
    d.setStoredBy(user);
    documents.saveAndFlush(d);
    DocumentContent body = new DocumentContent();
    body.setDocumentId(d.getId());
    body.setContent(content);
    contents.saveAndFlush(body);
    // the title and the file name may name the child: neither is logged
    log.info("Document {} ({}, {}, {} bytes) stored on case {} by {}", d.getId(), d.getKind(), mediaType,
        content.length, c.caseNumber(), user);
    return DocumentView.of(d);
  }

  private Document onCase(CaseRef c, long id) {
    return documents.findById(id).filter(d -> d.getCaseId() == c.id())
        .orElseThrow(() -> new NotFoundException("no document " + id + " on case " + c.caseNumber()));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }

  private static void refuseUnless(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }
}
