package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.Role;
import dk.trappen.parties.NewConsent;
import dk.trappen.parties.NewParty;
import dk.trappen.parties.PartiesService;
import dk.trappen.parties.PartyPolicy;
import dk.trappen.parties.PartyView;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * The case page's forms for parties and consent: a new party and a consent given or withdrawn. Each is bound with
 * Spring's data binding ({@link FormBinding}) into the record the API takes and checked by {@link PartyPolicy} through
 * {@link PartiesService}, every problem beside its field; a refused form shows the whole case page again with what
 * was typed. The case is opened through {@link CaseAccess#write} first, so another team and intake get the not-found
 * page, recorded; a head of department is refused by the security rules before this (and sees no forms).
 */
@Controller
class PartiesPageController {

  private static final List<String> PARTY_FIELDS = List.of("role", "name", "custody", "cpr", "address",
      "protectedAddress", "phone", "email");
  private static final List<String> CONSENT_FIELDS = List.of("partyId", "purpose", "state", "happenedAt",
      "documentation", "note");

  private final CaseAccess access;
  private final CaseForms forms;
  private final PartiesService parties;
  private final PartyPolicy policy;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final Validator validator;

  PartiesPageController(CaseAccess access, CaseForms forms, PartiesService parties, PartyPolicy policy,
      CurrentUser currentUser, Clock clock, Validator validator) {
    this.access = access;
    this.forms = forms;
    this.parties = parties;
    this.policy = policy;
    this.currentUser = currentUser;
    this.clock = clock;
    this.validator = validator;
  }

  /** Whether the user writes to cases (as on the case page): a head of department reads them. */
  @ModelAttribute("writes")
  boolean writes() {
    return currentUser.get().role() != Role.HEAD;
  }

  @PostMapping("/cases/{caseNumber}/parties")
  String addParty(@PathVariable String caseNumber, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "parties: new party");
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewParty> bound = FormBinding.bind(values, NewParty.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    problems.addAll(policy.problems(bound.payload()));
    if (problems.isEmpty()) {
      try {
        long id = parties.add(c, bound.payload(), currentUser.get().username()).id();
        redirect.addFlashAttribute("flash", forms.msg("case.parties.saved"));
        return "redirect:/cases/" + caseNumber + "#party-" + id;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("partyForm", CaseForms.typed(request, PARTY_FIELDS));
    model.addAttribute("partyErrors", forms.errors(problems));
    return forms.caseAgain(model, c, response, HttpStatus.BAD_REQUEST);
  }

  @PostMapping("/cases/{caseNumber}/consents")
  String recordConsent(@PathVariable String caseNumber, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "parties: consent");
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewConsent> bound = FormBinding.bind(values, NewConsent.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    Set<Long> ofCase = parties.parties(c.id()).stream().map(PartyView::id).collect(Collectors.toSet());
    problems.addAll(policy.problems(bound.payload(), ofCase));
    if (problems.isEmpty()) {
      try {
        long partyId = parties.record(c, bound.payload(), currentUser.get().username()).partyId();
        redirect.addFlashAttribute("flash", forms.msg("case.consent.saved"));
        return "redirect:/cases/" + caseNumber + "#party-" + partyId;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("consentForm", CaseForms.typed(request, CONSENT_FIELDS));
    model.addAttribute("consentErrors", forms.errors(problems));
    return forms.caseAgain(model, c, response, HttpStatus.BAD_REQUEST);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }
}
