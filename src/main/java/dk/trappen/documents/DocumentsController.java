package dk.trappen.documents;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.NotFoundException;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents of a case over the API (the case page's list and forms are {@code casefile}'s). The case's team reads
 * them (a head of department too) and its caseworkers and team leaders upload and file them in error; another team,
 * intake and administrators get "not found", recorded by {@link CaseAccess}. Every download is recorded as a read.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Documents", description = "Documents on the case: PDF, PNG, JPEG, Word and e-mail files, their type "
    + "detected from the content; nothing deleted, a document filed in error stays listed")
class DocumentsController {

  private final DocumentService documents;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  DocumentsController(DocumentService documents, CaseAccess access, CurrentUser currentUser) {
    this.documents = documents;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/cases/{caseNumber}/documents")
  @Operation(summary = "The case's documents, newest by date first, those filed in error included (never the content)")
  List<DocumentView> list(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: documents");
    return documents.documents(c.id());
  }

  @PostMapping(path = "/cases/{caseNumber}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload a document (multipart/form-data: file, title, kind, date as yyyy-mm-dd) with the header "
      + "X-Requested-With (any value): 201 with the document, its detected type and SHA-256 checksum once it is "
      + "stored; 400 naming each field's problem")
  ResponseEntity<DocumentView> upload(@PathVariable String caseNumber,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "date", required = false) String date) throws IOException {
    CaseRef c = access.write(caseNumber, "documents: upload");
    NewDocument in = new NewDocument(title, kind, date, file == null ? null : file.getOriginalFilename());
    DocumentView stored = documents.store(c, in, file == null ? null : file.getBytes(), currentUser.get().username());
    return ResponseEntity.created(URI.create("/api/documents/" + stored.id())).body(stored);
  }

  @GetMapping("/documents/{id}")
  @Operation(summary = "The document's content, as an attachment with its detected type; recorded as a read")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    CaseRef c = access.read(caseNumberOf(id), "documents: download of document " + id);
    return Downloads.attachment(documents.file(c, id));
  }

  @PostMapping("/documents/{id}/filed-in-error")
  @Operation(summary = "Mark a document filed in error (journaliseret ved en fejl) with a reason; it stays listed. "
      + "409 when it is filed in error already")
  DocumentView fileInError(@PathVariable long id, @RequestBody FiledInError marking) {
    CaseRef c = access.write(caseNumberOf(id), "documents: filed in error of document " + id);
    return documents.fileInError(c, id, marking, currentUser.get().username());
  }

  private String caseNumberOf(long id) {
    return documents.caseNumberOf(id).orElseThrow(() -> new NotFoundException("no document " + id));
  }
}
