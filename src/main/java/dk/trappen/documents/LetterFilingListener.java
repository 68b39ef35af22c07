package dk.trappen.documents;

import dk.trappen.cases.CaseService;
import dk.trappen.letters.LetterSent;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files every letter Trappen sends as a document on its case: the case's copy of the frozen PDF/A, kind LETTER (or
 * PLAN for the child's plan), dated the day it was sent. It runs in the sending transaction, so a letter is sent and
 * on the case together, or neither.
 */
@Component
class LetterFilingListener {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  private final DocumentService documents;
  private final CaseService cases;

  LetterFilingListener(DocumentService documents, CaseService cases) {
    this.documents = documents;
    this.cases = cases;
  }

  @EventListener
  public void onLetterSent(LetterSent sent) {
    documents.storeGenerated(cases.get(sent.caseId()), sent.title(),
        "PLAN".equals(sent.kind()) ? DocumentKind.PLAN : DocumentKind.LETTER, LocalDate.ofInstant(sent.sentAt(), CPH),
        sent.fileName(), "application/pdf", sent.pdf(), sent.user());
  }
}
