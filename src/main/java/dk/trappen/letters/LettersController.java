package dk.trappen.letters;

import dk.trappen.cases.CaseRef;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters over the API. As the journal: the case's team reads and writes (caseworkers and team leaders), a head of
 * department reads, intake, another team and administrators get "not found"; every read, write and refusal is recorded
 * by {@link CaseAccess}. A letter's case is looked up first and the access decided on it.
 */
@RestController
@Tag(name = "Letters", description = "Receipts, decision letters with appeal guidance and the child's plan, as PDF/A; "
    + "drafts edited, then sent once through the letter channel")
class LettersController {

  private final LettersService letters;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  LettersController(LettersService letters, CaseAccess access, CurrentUser currentUser) {
    this.letters = letters;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/cases/{caseNumber}/letters")
  @Operation(summary = "The case's letters, newest first: drafts and sent letters")
  List<LetterView> caseLetters(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: letters");
    return letters.letters(c.id());
  }

  @GetMapping("/api/letters/{id}")
  @Operation(summary = "A letter: its texts, status and recipients (never a CPR number or a protected address)")
  LetterView letter(@PathVariable long id) {
    access.read(letters.caseNumberOf(id), "api: letter " + id);
    return letters.letter(id);
  }

  @PutMapping("/api/letters/{id}")
  @Operation(summary = "Edit a draft's reasons and free text; 409 when the letter is sent")
  LetterView edit(@PathVariable long id, @RequestBody LetterEdit edit) {
    access.write(letters.caseNumberOf(id), "letters: edit letter " + id);
    return letters.edit(id, edit, currentUser.get().username());
  }

  @PostMapping("/api/letters/{id}/send")
  @Operation(summary = "Send a draft: frozen as sent, one copy per recipient queued for the letter channel; 409 when "
      + "sent already, 400 naming what is missing (the reasons of a decision, a recipient)")
  LetterView send(@PathVariable long id) {
    access.write(letters.caseNumberOf(id), "letters: send letter " + id);
    return letters.send(id, currentUser.get().username());
  }

  @GetMapping("/api/letters/{id}/pdf")
  @Operation(summary = "The letter as PDF/A: a sent letter exactly as sent, a draft as it would be sent now")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    access.read(letters.caseNumberOf(id), "api: letter pdf " + id);
    return pdfResponse(letters.pdf(id, currentUser.get().username()), letters.fileName(id));
  }

  @GetMapping("/api/cases/{caseNumber}/plan.pdf")
  @Operation(summary = "The child's plan as PDF/A, to share with the family: goals, the youth's own words, the next "
      + "network meeting")
  ResponseEntity<byte[]> plan(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: plan pdf");
    return pdfResponse(letters.planPdf(c.id(), currentUser.get().username()),
        LettersService.planFileName(c.caseNumber()));
  }

  static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }
}
