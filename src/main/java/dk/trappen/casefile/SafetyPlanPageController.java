package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.Role;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import dk.trappen.staircase.NewSafetyPlan;
import dk.trappen.staircase.SafetyPlans;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The case page's form to agree (or agree anew) the safety plan of a running intervention. Bound with Spring's data
 * binding ({@link FormBinding}) into the {@link NewSafetyPlan} the API takes and checked by {@link SafetyPlans}, every
 * problem beside its field; a refused form shows the whole case page again with what was typed, nothing stored. The
 * case is opened through {@link CaseAccess#write} first, so another team and intake get the not-found page, recorded.
 */
@Controller
class SafetyPlanPageController {

  private static final List<String> FIELDS = List.of("content", "agreedWith");

  private final CaseAccess access;
  private final CaseForms forms;
  private final SafetyPlans safetyPlans;
  private final CurrentUser currentUser;
  private final Clock clock;

  SafetyPlanPageController(CaseAccess access, CaseForms forms, SafetyPlans safetyPlans, CurrentUser currentUser,
      Clock clock) {
    this.access = access;
    this.forms = forms;
    this.safetyPlans = safetyPlans;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Whether the user writes to cases (as on the case page): a head of department reads them. */
  @ModelAttribute("writes")
  boolean writes() {
    return currentUser.get().role() != Role.HEAD;
  }

  @PostMapping("/cases/{caseNumber}/interventions/{interventionId}/safety-plan")
  String agree(@PathVariable String caseNumber, @PathVariable long interventionId, HttpServletRequest request,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "page: safety plan of intervention " + interventionId);
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewSafetyPlan> bound = FormBinding.bind(values, NewSafetyPlan.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound.result(), values));
    if (problems.isEmpty()) {
      try {
        safetyPlans.agree(c.id(), interventionId, bound.payload(), currentUser.get().username());
        redirect.addFlashAttribute("flash", forms.msg("case.safetyPlan.saved"));
        return "redirect:/cases/" + caseNumber + "#safety-plan-" + interventionId;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("safetyPlanFor", interventionId);
    model.addAttribute("safetyPlanForm", CaseForms.typed(request, FIELDS));
    model.addAttribute("safetyPlanErrors", forms.errors(problems));
    return forms.caseAgain(model, c, response, HttpStatus.BAD_REQUEST);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }
}
