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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
  private final CaseFileQuery caseFiles;
  private final CasePageModel pageModel;
  private final PartiesService parties;
  private final PartyPolicy policy;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final Clock clock;
  private final Validator validator;

  PartiesPageController(CaseAccess access, CaseFileQuery caseFiles, CasePageModel pageModel, PartiesService parties,
      PartyPolicy policy, CurrentUser currentUser, MessageSource messages, Clock clock, Validator validator) {
    this.access = access;
    this.caseFiles = caseFiles;
    this.pageModel = pageModel;
    this.parties = parties;
    this.policy = policy;
    this.currentUser = currentUser;
    this.messages = messages;
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
        redirect.addFlashAttribute("flash", msg("case.parties.saved"));
        return "redirect:/cases/" + caseNumber + "#party-" + id;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("partyForm", typed(request, PARTY_FIELDS));
    model.addAttribute("partyErrors", errors(problems));
    return refused(model, c, response);
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
        redirect.addFlashAttribute("flash", msg("case.consent.saved"));
        return "redirect:/cases/" + caseNumber + "#party-" + partyId;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    model.addAttribute("consentForm", typed(request, CONSENT_FIELDS));
    model.addAttribute("consentErrors", errors(problems));
    return refused(model, c, response);
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "case-not-found";
  }

  private String refused(Model model, CaseRef c, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    pageModel.fill(model, c, caseFiles.read(c), Map.of("raisedAt", pageModel.nowLocal()), Map.of(), null);
    return "case";
  }

  /** Each field's first problem, in the user's language as the pages word it. */
  private Map<String, String> errors(List<Problem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(),
        messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())));
    return errors;
  }

  private static Map<String, String> typed(HttpServletRequest request, List<String> fields) {
    Map<String, String> typed = new HashMap<>();
    fields.forEach(field -> typed.put(field, request.getParameter(field)));
    return typed;
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
