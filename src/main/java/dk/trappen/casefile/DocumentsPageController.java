package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.documents.DocumentPolicy;
import dk.trappen.documents.DocumentService;
import dk.trappen.documents.Downloads;
import dk.trappen.documents.FiledInError;
import dk.trappen.documents.NewDocument;
import dk.trappen.org.Role;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's documents: the upload form (multipart, with the page's CSRF token), the download of a document and
 * the form that files one in error. The rules are {@link DocumentPolicy}'s through {@link DocumentService}, every
 * problem beside its field; a refused form shows the whole case page again with what was typed (the file must be
 * chosen again: a browser never shows a file it sent). The case is opened through {@link CaseAccess} first (a write for
 * the forms, a read for a download), so another team and intake get the not-found page, recorded; a head of
 * department downloads but is refused the forms by the security rules.
 */
@Controller
class DocumentsPageController {

  private static final List<String> UPLOAD_FIELDS = List.of("title", "kind", "date");

  private final CaseAccess access;
  private final CaseForms forms;
  private final DocumentService documents;
  private final CurrentUser currentUser;

  DocumentsPageController(CaseAccess access, CaseForms forms, DocumentService documents, CurrentUser currentUser) {
    this.access = access;
    this.forms = forms;
    this.documents = documents;
    this.currentUser = currentUser;
  }

  /** Whether the user writes to cases (as on the case page): a head of department reads them. */
  @ModelAttribute("writes")
  boolean writes() {
    return currentUser.get().role() != Role.HEAD;
  }

  @PostMapping("/cases/{caseNumber}/documents")
  String upload(@PathVariable String caseNumber, @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response)
      throws IOException {
    CaseRef c = access.write(caseNumber, "documents: upload");
    // a form sent without choosing a file has a part with no name and no bytes
    boolean chosen = file != null && !(file.isEmpty() && (file.getOriginalFilename() == null
        || file.getOriginalFilename().isEmpty()));
    NewDocument in = new NewDocument(request.getParameter("title"), request.getParameter("kind"),
        request.getParameter("date"), chosen ? file.getOriginalFilename() : null);
    List<Problem> problems = new ArrayList<>();
    try {
      long id = documents.store(c, in, chosen ? file.getBytes() : null, currentUser.get().username()).id();
      redirect.addFlashAttribute("flash", forms.msg("case.documents.saved"));
      return "redirect:/cases/" + caseNumber + "#document-" + id;
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    model.addAttribute("documentForm", CaseForms.typed(request, UPLOAD_FIELDS));
    model.addAttribute("documentErrors", forms.errors(problems));
    return forms.caseAgain(model, c, response, HttpStatus.BAD_REQUEST);
  }

  @GetMapping("/cases/{caseNumber}/documents/{id}")
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long id) {
    CaseRef c = access.read(caseNumber, "documents: download of document " + id);
    return Downloads.attachment(documents.file(c, id));
  }

  @PostMapping("/cases/{caseNumber}/documents/{id}/filed-in-error")
  String fileInError(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "documents: filed in error of document " + id);
    boolean conflict = false;
    List<Problem> problems = new ArrayList<>();
    try {
      documents.fileInError(c, id, new FiledInError(request.getParameter("reason")), currentUser.get().username());
      redirect.addFlashAttribute("flash", forms.msg("case.documents.filedInErrorSaved"));
      return "redirect:/cases/" + caseNumber + "#document-" + id;
    } catch (InvalidInputException e) {
      conflict = e.conflict();
      problems.addAll(e.problems());
    }
    Map<String, String> errors = forms.errors(problems);
    if (conflict) {
      model.addAttribute("documentError", errors.remove("id"));
    }
    model.addAttribute("filingInError", conflict ? -1L : id);
    model.addAttribute("filedInErrorForm", CaseForms.typed(request, List.of("reason")));
    model.addAttribute("filedInErrorErrors", errors);
    return forms.caseAgain(model, c, response, conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }
}
