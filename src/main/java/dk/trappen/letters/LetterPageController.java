package dk.trappen.letters;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.Role;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The letter draft page ({@code /cases/{n}/letters/{id}}): the letter's facts, its recipients (a protected address
 * shown as protected), the reasons and free text to edit while it is a draft, the PDF to review, and the send button.
 * Reached from the case page's letters and from the task form that drafted it. Access as on the API, through
 * {@link CaseAccess}: a letter of another case than the one in the address is "not found".
 */
@Controller
class LetterPageController {

  private final LettersService letters;
  private final CaseAccess access;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  LetterPageController(LettersService letters, CaseAccess access, CurrentUser currentUser, MessageSource messages) {
    this.letters = letters;
    this.access = access;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping("/cases/{caseNumber}/letters/{id}")
  String page(@PathVariable String caseNumber, @PathVariable long id, Model model) {
    CaseRef c = access.read(ownCase(caseNumber, id), "letter " + id);
    return show(model, c, letters.letter(id), null, Map.of());
  }

  @PostMapping("/cases/{caseNumber}/letters/{id}")
  String edit(@PathVariable String caseNumber, @PathVariable long id,
      @RequestParam(required = false) String reasons, @RequestParam(required = false) String freeText, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(ownCase(caseNumber, id), "letters: edit letter " + id);
    LetterEdit edit = new LetterEdit(reasons, freeText);
    try {
      letters.edit(id, edit, currentUser.get().username());
      redirect.addFlashAttribute("flash", msg("letter.saved"));
      return "redirect:/cases/" + caseNumber + "/letters/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(e.conflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
      return show(model, c, letters.letter(id), edit, errors(e.problems()));
    }
  }

  @PostMapping("/cases/{caseNumber}/letters/{id}/send")
  String send(@PathVariable String caseNumber, @PathVariable long id, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    CaseRef c = access.write(ownCase(caseNumber, id), "letters: send letter " + id);
    try {
      letters.send(id, currentUser.get().username());
      redirect.addFlashAttribute("flash", msg("letter.sent"));
      return "redirect:/cases/" + caseNumber + "/letters/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(e.conflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
      return show(model, c, letters.letter(id), null, errors(e.problems()));
    }
  }

  @GetMapping("/cases/{caseNumber}/letters/{id}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, @PathVariable long id) {
    access.read(ownCase(caseNumber, id), "letter pdf " + id);
    return LettersController.pdfResponse(letters.pdf(id, currentUser.get().username()), letters.fileName(id));
  }

  @GetMapping("/cases/{caseNumber}/plan.pdf")
  ResponseEntity<byte[]> plan(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "plan pdf");
    return LettersController.pdfResponse(letters.planPdf(c.id(), currentUser.get().username()),
        LettersService.planFileName(c.caseNumber()));
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }

  /** The letter's case number when it is the case in the address; else "not found", as for a letter that is not. */
  private String ownCase(String caseNumber, long id) {
    String own = letters.caseNumberOf(id);
    if (!own.equals(caseNumber)) {
      throw new NotFoundException("no letter " + id + " on case " + caseNumber);
    }
    return own;
  }

  private String show(Model model, CaseRef c, LetterView letter, LetterEdit typed, Map<String, String> errors) {
    model.addAttribute("caseRef", c);
    model.addAttribute("letter", letter);
    model.addAttribute("form", typed != null ? typed : new LetterEdit(letter.reasons(), letter.freeText()));
    model.addAttribute("errors", errors);
    model.addAttribute("writes", currentUser.get().role() != Role.HEAD);
    model.addAttribute("sendProblems", letter.draft() ? errors(letters.sendProblems(letter.id())) : Map.of());
    return "letter";
  }

  private Map<String, String> errors(List<Problem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(),
        messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())));
    return errors;
  }

  private String msg(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
