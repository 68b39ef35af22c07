package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.journal.JournalCorrection;
import dk.trappen.journal.JournalKind;
import dk.trappen.journal.JournalPolicy;
import dk.trappen.journal.JournalService;
import dk.trappen.journal.NewJournalEntry;
import dk.trappen.org.Role;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's journal forms: a new entry and the correction of an entry. Each is bound with Spring's data binding
 * ({@link FormBinding}) into the record the API takes and checked by {@link JournalPolicy} through
 * {@link JournalService}, every problem beside its field; a refused form shows the whole case page again with what was
 * typed. The case is opened through {@link CaseAccess#write} first, so another team and intake get the not-found
 * page, recorded; a head of department is refused by the security rules before this (and sees no forms).
 */
@Controller
class JournalPageController {

  private static final List<String> ENTRY_FIELDS = List.of("kind", "happenedAt", "text");
  private static final List<String> CORRECTION_FIELDS = List.of("kind", "happenedAt", "text", "reason");

  private final CaseAccess access;
  private final CaseForms forms;
  private final JournalService journal;
  private final JournalPolicy policy;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Validator validator;

  JournalPageController(CaseAccess access, CaseForms forms, JournalService journal, JournalPolicy policy,
      CurrentUser currentUser, Clock clock, Validator validator) {
    this.policy = policy;
    this.access = access;
    this.forms = forms;
    this.journal = journal;
    this.currentUser = currentUser;
    this.clock = clock;
    this.validator = validator;
  }

  /** Whether the user writes to cases (as on the case page): a head of department reads them. */
  @ModelAttribute("writes")
  boolean writes() {
    return currentUser.get().role() != Role.HEAD;
  }

  @PostMapping("/cases/{caseNumber}/journal")
  String write(@PathVariable String caseNumber, HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, JournalKind.auditName(request.getParameter("kind")));
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewJournalEntry> bound = FormBinding.bind(values, NewJournalEntry.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    // the journal's rules too, so that a form with a value that could not be bound still shows every problem
    problems.addAll(policy.problems(bound.payload()));
    if (problems.isEmpty()) {
      try {
        long id = journal.write(c, bound.payload(), currentUser.get().username()).entryId();
        redirect.addFlashAttribute("flash", forms.msg("case.journal.saved"));
        return "redirect:/cases/" + caseNumber + "#journal-" + id;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("journalForm", CaseForms.typed(request, ENTRY_FIELDS));
    model.addAttribute("journalErrors", forms.errors(problems));
    return forms.caseAgain(model, c, response, HttpStatus.BAD_REQUEST);
  }

  @PostMapping("/cases/{caseNumber}/journal/{id}/corrections")
  String correct(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "journal: correction of entry " + id);
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<JournalCorrection> bound = FormBinding.bind(values, JournalCorrection.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    problems.addAll(policy.problems(bound.payload()));
    boolean conflict = false;
    if (problems.isEmpty()) {
      try {
        long entryId = journal.correct(c, id, bound.payload(), currentUser.get().username()).entryId();
        redirect.addFlashAttribute("flash", forms.msg("case.journal.corrected"));
        return "redirect:/cases/" + caseNumber + "#journal-" + entryId;
      } catch (InvalidInputException e) {
        conflict = e.conflict();
        problems.addAll(e.problems());
      }
    }
    Map<String, String> errors = forms.errors(problems);
    if (conflict) {
      // the entry was corrected meanwhile: said above the journal, where its new version now shows
      model.addAttribute("journalError", errors.remove("id"));
    }
    model.addAttribute("correcting", conflict ? -1L : id);
    model.addAttribute("correctForm", CaseForms.typed(request, CORRECTION_FIELDS));
    model.addAttribute("correctErrors", errors);
    return forms.caseAgain(model, c, response, conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }
}
