package dk.trappen.intake;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.org.Team;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ny underretning: the intake form. A notification about a child without an open case opens a case; one about a child
 * with an open case joins it (the service decides). The form binds with Spring's data binding ({@link FormBinding})
 * into the {@link NewNotification} the API takes, and is checked as the API checks it: Bean Validation and
 * {@link IntakePolicy}, every problem at once, each next to its field in the user's language, everything typed kept;
 * nothing is stored until the whole notification is valid. While the CPR number is typed, {@code /intake/child-check}
 * warns (htmx) when the child already has cases and notifications.
 */
@Controller
class IntakePageController {

  /** What the audit says of a look-up of a child by CPR number (which it never holds). */
  static final String CPR_LOOK_UP = "CPR look-up: child check";

  private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /**
   * The form's fields in page order (their names and ids on the page, short as a person reads them), with the path in
   * {@link NewNotification} each one binds to.
   */
  static final Map<String, String> FIELDS;

  static {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("cpr", "child.cpr");
    f.put("firstName", "child.firstName");
    f.put("lastName", "child.lastName");
    f.put("birthDate", "child.birthDate");
    f.put("notifierKind", "notifierKind");
    f.put("notifierOrganisation", "notifierOrganisation");
    f.put("notifierName", "notifierName");
    f.put("concern", "concern");
    f.put("receivedAt", "receivedAt");
    f.put("team", "team");
    FIELDS = java.util.Collections.unmodifiableMap(f);
  }

  private final IntakeService intake;
  private final IntakePolicy policy;
  private final CaseService cases;
  private final OrgService org;
  private final CurrentUser currentUser;
  private final CaseAccess access;
  private final Validator validator;
  private final MessageSource messages;
  private final Clock clock;
  private final AuditService audit;

  IntakePageController(IntakeService intake, IntakePolicy policy, CaseService cases, OrgService org,
      CurrentUser currentUser, Validator validator, MessageSource messages, Clock clock, CaseAccess access,
      AuditService audit) {
    this.access = access;
    this.audit = audit;
    this.intake = intake;
    this.policy = policy;
    this.cases = cases;
    this.org = org;
    this.currentUser = currentUser;
    this.validator = validator;
    this.messages = messages;
    this.clock = clock;
  }

  /** A case of the child, for the duplicate warning; {@code readable} when the user may open it. */
  public record ChildCase(String caseNumber, boolean open, String teamName, int notifications, boolean readable) {
  }

  @GetMapping("/intake")
  String form(Model model) {
    StaffMember me = registrar();
    Map<String, String> form = new HashMap<>();
    form.put("receivedAt", nowLocal());
    if (me.teamCode() != null) {
      form.put("team", me.teamCode());
    }
    fill(model, form, Map.of(), List.of(), null);
    return "intake";
  }

  @PostMapping("/intake")
  String register(HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    StaffMember me = registrar();
    Map<String, String> typed = new HashMap<>();
    Map<String, String[]> params = new LinkedHashMap<>();
    FIELDS.forEach((field, path) -> {
      String value = request.getParameter(field);
      typed.put(field, value);
      if (value != null) {
        params.put(path, new String[] {field.equals("cpr") ? value.replaceAll("[\\s-]", "") : value.strip()});
      }
    });
    Map<String, String> values = FormBinding.values(params);
    FormBinding.Bound<NewNotification> bound = withChild(
        FormBinding.bind(values, NewNotification.class, clock.getZone()));
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    problems.addAll(policy.problems(bound.payload()));
    List<String> formErrors = new ArrayList<>();
    if (problems.isEmpty()) {
      try {
        return registered(intake.register(bound.payload(), null, me.username()), me, redirect);
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    FIELDS.forEach((field, path) -> problems.stream().filter(p -> p.field().equals(path)).findFirst()
        .ifPresent(p -> errors.put(field, msg(p))));
    problems.stream().filter(p -> !FIELDS.containsValue(p.field())).forEach(p -> formErrors.add(msg(p)));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    fill(model, typed, errors, formErrors, values.get("child.cpr"));
    return "intake";
  }

  /**
   * The page always has the child's fields: with none of them filled in, binding leaves the child out, and it is a
   * child with every field missing instead, so that each field says what it lacks.
   */
  private static FormBinding.Bound<NewNotification> withChild(FormBinding.Bound<NewNotification> bound) {
    NewNotification n = bound.payload();
    if (n.child() != null) {
      return bound;
    }
    return new FormBinding.Bound<>(new NewNotification(new NewNotification.ChildInput(null, null, null, null),
        n.notifierKind(), n.notifierOrganisation(), n.notifierName(), n.concern(), n.receivedAt(), n.team()),
        bound.result());
  }

  /** The duplicate-child warning: the child's cases and notifications, if the CPR number is known. */
  @GetMapping("/intake/child-check")
  String childCheck(@RequestParam(required = false) String cpr, Model model) {
    registrar();
    model.addAttribute("childCases", childCases(cpr == null ? null : cpr.replaceAll("[\\s-]", "")));
    return "intake :: childCheck";
  }

  // ---- helpers -----------------------------------------------------------------------------------------------------

  private String registered(NotificationReceipt receipt, StaffMember me, RedirectAttributes redirect) {
    access.recordWrite(receipt.caseNumber(), receipt.duplicate() ? "page: notification (repeated)"
        : "page: notification");
    CaseRef c = cases.get(receipt.caseNumber());
    if (!CaseAccess.mayKnowOf(me, c)) {
      // registered, and on its way to the team that holds the child's case, which this user may not see
      redirect.addFlashAttribute("flash", msg("intake.registered.elsewhere"));
      return "redirect:/intake";
    }
    String key = receipt.duplicate() ? "intake.registered.duplicate"
        : receipt.joinedOpenCase() ? "intake.registered.joined" : "intake.registered.opened";
    redirect.addFlashAttribute("flash", msg(key, receipt.caseNumber()));
    return "redirect:/cases/" + receipt.caseNumber();
  }

  /** Who may register notifications: intake, caseworkers and team leaders (as for the API). */
  private StaffMember registrar() {
    StaffMember me = currentUser.get();
    if (me.role() == Role.ADMIN) {
      throw new AccessDeniedException("administrators do not register notifications");
    }
    return me;
  }

  private void fill(Model model, Map<String, String> form, Map<String, String> errors, List<String> formErrors,
      String cpr) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("formErrors", formErrors);
    List<NotifierKind> kinds = Arrays.asList(NotifierKind.values());
    model.addAttribute("professionalKinds", kinds.stream().filter(NotifierKind::professional).toList());
    model.addAttribute("privateKinds", kinds.stream().filter(k -> !k.professional()).toList());
    model.addAttribute("teams", org.teams().stream().filter(Team::isActive).sorted(Comparator.comparing(Team::getName))
        .toList());
    model.addAttribute("nowLocal", nowLocal());
    model.addAttribute("today", LocalDate.now(clock).toString());
    model.addAttribute("childCases", cpr == null ? null : childCases(cpr));
  }

  /**
   * The child's cases the user may know of (intake: every case, to see whether and where one is open; a caseworker
   * or team leader: their team's), each with its team and number of notifications. A CPR look-up: audited with one
   * row per case shown, or one row without a case when none is, so that every look-up leaves a trace (never the CPR
   * number itself).
   */
  private List<ChildCase> childCases(String cpr) {
    if (cpr == null || !cpr.matches("\\d{10}")) {
      return null;
    }
    StaffMember me = currentUser.get();
    Map<String, String> teamNames = new HashMap<>();
    org.teams().forEach(t -> teamNames.put(t.getCode(), t.getName()));
    // only cases the user may know of: another team's case is not revealed to a caseworker, not even that it exists
    List<CaseRef> shown = cases.casesOfChild(cpr).stream().filter(c -> CaseAccess.mayKnowOf(me, c)).toList();
    if (shown.isEmpty()) {
      audit.record(me.username(), me.role().name(), null, null, AuditAction.READ, CPR_LOOK_UP);
    }
    shown.forEach(c -> audit.record(me.username(), me.role().name(), c.id(), c.caseNumber(), AuditAction.READ,
        CPR_LOOK_UP));
    return shown.stream()
        .map(c -> new ChildCase(c.caseNumber(), c.open(), teamNames.getOrDefault(c.teamCode(), c.teamCode()),
            intake.notifications(c.id()).size(), true))
        .toList();
  }

  private String nowLocal() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private String msg(Problem problem) {
    return messages.getMessage(problem.onPage(), LocaleContextHolder.getLocale());
  }
}
