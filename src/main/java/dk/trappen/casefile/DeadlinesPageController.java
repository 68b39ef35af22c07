package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.deadlines.DeadlineChangeRequest;
import dk.trappen.deadlines.DeadlineDecision;
import dk.trappen.deadlines.DeadlineExtensions;
import dk.trappen.deadlines.DeadlineResume;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's deadline forms (issue 20): a caseworker's request to extend or pause a deadline, the team leader's
 * own extension or pause, the resume of a paused deadline, and the team leader's decision on a request (from the case
 * page or the oversight page). Bound with {@link FormBinding} into the records the API takes and checked by
 * {@link DeadlineExtensions} (its policy, every problem beside its field). A refused request or resume shows the whole
 * case page again with what was typed (400, or 409 said above the deadlines); a refused decision goes back to the page
 * it came from with its problems beside its fields. The case is opened through {@link CaseAccess#write} first, so
 * another team and intake get the not-found page, recorded.
 */
@Controller
class DeadlinesPageController {

  private static final List<String> FIELDS = List.of("type", "reason", "newDueDate");

  private final CaseAccess access;
  private final CaseForms forms;
  private final DeadlineExtensions extensions;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Validator validator;

  DeadlinesPageController(CaseAccess access, CaseForms forms, DeadlineExtensions extensions, CurrentUser currentUser,
      Clock clock, Validator validator) {
    this.access = access;
    this.forms = forms;
    this.extensions = extensions;
    this.currentUser = currentUser;
    this.clock = clock;
    this.validator = validator;
  }

  /** Whether the user writes to cases (as on the case page). */
  @ModelAttribute("writes")
  boolean writes() {
    return currentUser.get().role() != dk.trappen.org.Role.HEAD;
  }

  @PostMapping("/cases/{caseNumber}/deadlines/{id}/extensions")
  String ask(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    String type = request.getParameter("type");
    CaseRef c = access.write(caseNumber, "deadlines: " + ("PAUSE".equals(type) ? "pause" : "extension")
        + " of deadline " + id);
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<DeadlineChangeRequest> bound = FormBinding.bind(values, DeadlineChangeRequest.class,
        clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    boolean conflict = false;
    if (problems.isEmpty()) {
      try {
        var change = extensions.ask(c, id, bound.payload(), currentUser.get());
        redirect.addFlashAttribute("flash", forms.msg("case.deadlines.flash." + change.type().name() + "."
            + change.state().name()));
        return "redirect:/cases/" + caseNumber + "#deadline-" + id;
      } catch (InvalidInputException e) {
        conflict = e.conflict();
        problems.addAll(e.problems());
      }
    }
    return again(model, c, response, id, CaseForms.typed(request, FIELDS), problems, conflict);
  }

  @PostMapping("/cases/{caseNumber}/deadlines/{id}/resume")
  String resume(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "deadlines: resume of deadline " + id);
    try {
      extensions.resume(c, id, new DeadlineResume(request.getParameter("reason")), currentUser.get());
      redirect.addFlashAttribute("flash", forms.msg("case.deadlines.flash.RESUME.APPROVED"));
      return "redirect:/cases/" + caseNumber + "#deadline-" + id;
    } catch (InvalidInputException e) {
      return again(model, c, response, id, CaseForms.typed(request, List.of("reason")), e.problems(), e.conflict());
    }
  }

  @PostMapping("/cases/{caseNumber}/deadlines/{id}/extensions/{changeId}/decision")
  String decide(@PathVariable String caseNumber, @PathVariable long id, @PathVariable long changeId,
      @RequestParam(required = false) String approve, @RequestParam(required = false) String note,
      @RequestParam(required = false) String back, RedirectAttributes redirect) {
    Boolean approved = approve == null ? null : Boolean.valueOf(approve);
    CaseRef c = access.write(caseNumber, "deadlines: " + (Boolean.FALSE.equals(approved) ? "refusal" : "approval")
        + " of change " + changeId + " of deadline " + id);
    String to = "oversight".equals(back) ? "redirect:/oversight#deadline-requests"
        : "redirect:/cases/" + caseNumber + "#deadline-" + id;
    try {
      var change = extensions.decide(c, id, changeId, new DeadlineDecision(approved, note), currentUser.get());
      redirect.addFlashAttribute("flash", forms.msg("case.deadlines.flash.decided." + change.state().name(),
          caseNumber));
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("decisionFor", changeId);
      redirect.addFlashAttribute("decisionErrors", forms.errors(e.problems()));
      redirect.addFlashAttribute("decisionForm", note == null ? Map.of() : Map.of("note", note));
    }
    return to;
  }

  private String again(Model model, CaseRef c, HttpServletResponse response, long id, Map<String, String> typed,
      List<Problem> problems, boolean conflict) {
    Map<String, String> errors = forms.errors(problems);
    if (conflict) {
      // the deadline changed meanwhile (met, paused, a request waits): said above the deadlines
      model.addAttribute("deadlineError", errors.containsKey("deadline") ? errors.remove("deadline")
          : errors.values().stream().findFirst().orElse(null));
    }
    model.addAttribute("deadlineFormFor", conflict ? -1L : id);
    model.addAttribute("deadlineForm", typed);
    model.addAttribute("deadlineErrors", errors);
    return forms.caseAgain(model, c, response, conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }
}
