package dk.trappen.intake;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.org.Team;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ny underretning: the intake form. A notification about a child without an open case opens a case; one about a child
 * with an open case joins it (the service decides). Every error is shown next to its field, in the user's language,
 * and everything typed is kept; nothing is stored until the whole notification is valid. While the CPR number is
 * typed, {@code /intake/child-check} warns (htmx) when the child already has cases and notifications.
 */
@Controller
class IntakePageController {

  /** What the audit says of a look-up of a child by CPR number (which it never holds). */
  static final String CPR_LOOK_UP = "CPR look-up: child check";

  private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** The form's fields in page order, with the JSON field of {@link NewNotification} each one binds to. */
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
  private final IntakeProperties properties;
  private final CaseService cases;
  private final OrgService org;
  private final CurrentUser currentUser;
  private final CaseAccess access;
  private final Validator validator;
  private final MessageSource messages;
  private final Clock clock;
  private final AuditService audit;

  IntakePageController(IntakeService intake, IntakeProperties properties, CaseService cases, OrgService org,
      CurrentUser currentUser, Validator validator, MessageSource messages, Clock clock, CaseAccess access,
      AuditService audit) {
    this.access = access;
    this.audit = audit;
    this.intake = intake;
    this.properties = properties;
    this.cases = cases;
    this.org = org;
    this.currentUser = currentUser;
    this.validator = validator;
    this.messages = messages;
    this.clock = clock;
  }

  /** The intake form as typed: every field a string, so that whatever was typed can be shown again. */
  @Getter
  @Setter
  public static class IntakeForm {
    private String cpr;
    private String firstName;
    private String lastName;
    private String birthDate;
    private String notifierKind;
    private String notifierOrganisation;
    private String notifierName;
    private String concern;
    private String receivedAt;
    private String team;
  }

  /** A case of the child, for the duplicate warning; {@code readable} when the user may open it. */
  public record ChildCase(String caseNumber, boolean open, String teamName, int notifications, boolean readable) {
  }

  @GetMapping("/intake")
  String form(Model model) {
    StaffMember me = registrar();
    IntakeForm form = new IntakeForm();
    form.setReceivedAt(nowLocal());
    if (me.teamCode() != null) {
      form.setTeam(me.teamCode());
    }
    fill(model, form, Map.of(), List.of(), null);
    return "intake";
  }

  @PostMapping("/intake")
  String register(@ModelAttribute("form") IntakeForm form, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    StaffMember me = registrar();
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> formErrors = new java.util.ArrayList<>();
    typed(form).forEach((field, value) -> {
      if (ControlCharacters.present(value)) {
        errors.put(field, msg("case.form.error.controlCharacters"));
      }
    });
    String cpr = normaliseCpr(form.getCpr());
    LocalDate birthDate = parseDate(form.getBirthDate(), "birthDate", errors);
    Instant receivedAt = parseDateTime(form.getReceivedAt(), "receivedAt", errors);
    NotifierKind kind = parseKind(form.getNotifierKind(), errors);
    NewNotification n = new NewNotification(
        new NewNotification.ChildInput(cpr, blankToNull(form.getFirstName()), blankToNull(form.getLastName()),
            birthDate),
        kind, blankToNull(form.getNotifierOrganisation()), blankToNull(form.getNotifierName()),
        blankToNull(form.getConcern()), receivedAt, blankToNull(form.getTeam()));
    for (ConstraintViolation<NewNotification> v : validator.validate(n)) {
      String field = formField(v.getPropertyPath().toString());
      errors.putIfAbsent(field, msg(Problem.of(v)));
    }
    if (!errors.isEmpty()) {
      contextErrors(n, errors);
    }
    if (errors.isEmpty()) {
      try {
        NotificationReceipt receipt;
        try {
          receipt = intake.register(n, null, me.username());
        } catch (DataIntegrityViolationException raceWithIdenticalSubmission) {
          receipt = intake.findEarlier(null, IntakeService.hash(n)).orElseThrow(() -> raceWithIdenticalSubmission);
        }
        return registered(receipt, me, redirect);
      } catch (InvalidInputException e) {
        e.problems().forEach(problem -> {
          String field = formField(problem.field());
          if (FIELDS.containsKey(field)) {
            errors.putIfAbsent(field, msg(problem));
          } else {
            formErrors.add(msg(problem));
          }
        });
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    fill(model, form, ordered(errors), formErrors, cpr);
    return "intake";
  }

  /**
   * The intake service's own checks (CPR against birth date, age, organisation of a professional, team), made here
   * too when the form has other errors, so that every error shows at once; the service remains the judge.
   */
  private void contextErrors(NewNotification n, Map<String, String> errors) {
    String cpr = n.child().cpr();
    LocalDate birth = n.child().birthDate();
    boolean cprValid = cpr != null && cpr.matches("\\d{10}");
    if (cprValid && birth != null) {
      LocalDate cprDate = IntakeService.cprDate(cpr);
      if (cprDate == null) {
        errors.putIfAbsent("cpr", msg("intake.error.cprDate"));
      } else if (!cprDate.equals(birth)) {
        errors.putIfAbsent("cpr", msg("intake.error.cprBirthDate"));
      }
    }
    if (birth != null && n.receivedAt() != null) {
      LocalDate receivedDay = n.receivedAt().atZone(clock.getZone()).toLocalDate();
      if (birth.isAfter(receivedDay)) {
        errors.putIfAbsent("birthDate", msg("intake.error.birthAfterReceived"));
      } else if (java.time.Period.between(birth, receivedDay).getYears() >= 18) {
        errors.putIfAbsent("birthDate", msg("intake.error.adult"));
      }
    }
    if (n.notifierKind() != null && n.notifierKind().professional() && n.notifierOrganisation() == null) {
      errors.putIfAbsent("notifierOrganisation", msg("intake.error.organisationRequired"));
    }
    boolean noTeam = n.team() == null && (properties.getDefaultTeam() == null || properties.getDefaultTeam().isBlank());
    if (noTeam && (!cprValid || cases.openCaseOfChild(cpr).isEmpty())) {
      errors.putIfAbsent("team", msg("case.form.error.choose"));
    }
  }

  /** The duplicate-child warning: the child's cases and notifications, if the CPR number is known. */
  @GetMapping("/intake/child-check")
  String childCheck(@RequestParam(required = false) String cpr, Model model) {
    registrar();
    model.addAttribute("childCases", childCases(normaliseCpr(cpr)));
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

  private void fill(Model model, IntakeForm form, Map<String, String> errors, List<String> formErrors, String cpr) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("formErrors", formErrors);
    List<NotifierKind> kinds = Arrays.asList(NotifierKind.values());
    model.addAttribute("professionalKinds", kinds.stream().filter(NotifierKind::professional).toList());
    model.addAttribute("privateKinds", kinds.stream().filter(k -> !k.professional()).toList());
    model.addAttribute("teams", org.teams().stream().sorted(Comparator.comparing(Team::getName)).toList());
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
    Map<String, String> teamNames = new java.util.HashMap<>();
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

  /** What was typed in each field, in page order. */
  private static Map<String, String> typed(IntakeForm form) {
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("cpr", form.getCpr());
    typed.put("firstName", form.getFirstName());
    typed.put("lastName", form.getLastName());
    typed.put("birthDate", form.getBirthDate());
    typed.put("notifierKind", form.getNotifierKind());
    typed.put("notifierOrganisation", form.getNotifierOrganisation());
    typed.put("notifierName", form.getNotifierName());
    typed.put("concern", form.getConcern());
    typed.put("receivedAt", form.getReceivedAt());
    typed.put("team", form.getTeam());
    return typed;
  }

  private Map<String, String> ordered(Map<String, String> errors) {
    Map<String, String> ordered = new LinkedHashMap<>();
    FIELDS.keySet().forEach(f -> {
      if (errors.containsKey(f)) {
        ordered.put(f, errors.get(f));
      }
    });
    return ordered;
  }

  /** The form field of a JSON field name ("child.cpr" is "cpr"). */
  private static String formField(String jsonField) {
    for (Map.Entry<String, String> e : FIELDS.entrySet()) {
      if (e.getValue().equals(jsonField)) {
        return e.getKey();
      }
    }
    return jsonField;
  }

  private static String normaliseCpr(String typed) {
    return typed == null || typed.isBlank() ? null : typed.replaceAll("[\\s-]", "");
  }

  private LocalDate parseDate(String typed, String field, Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, msg("case.form.error.date"));
      return null;
    }
  }

  private Instant parseDateTime(String typed, String field, Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(typed.strip()).atZone(clock.getZone()).toInstant();
    } catch (DateTimeParseException e) {
      errors.put(field, msg("case.form.error.dateTime"));
      return null;
    }
  }

  private NotifierKind parseKind(String typed, Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return NotifierKind.valueOf(typed);
    } catch (IllegalArgumentException e) {
      errors.put("notifierKind", msg("case.form.error.choose"));
      return null;
    }
  }

  private String nowLocal() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private String msg(Problem problem) {
    return messages.getMessage(problem.onPage(), LocaleContextHolder.getLocale());
  }
}
