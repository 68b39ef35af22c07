package dk.trappen.administration;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.org.Role;
import dk.trappen.org.StaffAccount;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import dk.trappen.security.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration pages of staff users: the list ({@code /admin/users}), a new user, and one user's page with their
 * details, account state and a password reset. The forms bind with Spring's data binding ({@link FormBinding}) into
 * the records the API takes and go through {@link AdministrationService}: the same checks, every problem beside its
 * field, nothing stored while there is one.
 */
@Controller
class StaffPageController {

  private static final List<String> NEW_FIELDS = List.of("username", "displayName", "email", "role", "teams",
      "password");
  private static final List<String> EDIT_FIELDS = List.of("displayName", "email", "role", "teams", "active");

  private final AdministrationService administration;
  private final CurrentUser currentUser;
  private final Validator validator;
  private final MessageSource messages;
  private final Clock clock;
  private final SignInThrottle throttle;
  private final AuditService audit;

  StaffPageController(AdministrationService administration, CurrentUser currentUser, Validator validator,
      MessageSource messages, Clock clock, SignInThrottle throttle, AuditService audit) {
    this.throttle = throttle;
    this.audit = audit;
    this.administration = administration;
    this.currentUser = currentUser;
    this.validator = validator;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("users", administration.users());
    model.addAttribute("teamNames", teamNames());
    return "admin-users";
  }

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    return newForm(model, Map.of(), Map.of());
  }

  @PostMapping("/admin/users/new")
  String create(HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewStaffUser> bound = FormBinding.bind(values, NewStaffUser.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    problems.addAll(administration.problemsOfNewUser(bound.payload(), currentUser.get()));
    HttpStatus status = HttpStatus.BAD_REQUEST;
    if (problems.isEmpty()) {
      try {
        StaffAccount created = administration.createUser(bound.payload(), currentUser.get());
        redirect.addFlashAttribute("flash", msg("admin.user.created", created.username()));
        return "redirect:/admin/users/" + created.username();
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
        status = e.conflict() ? HttpStatus.CONFLICT : status;
      }
    }
    response.setStatus(status.value());
    values.remove("password");
    return newForm(model, values, errors(problems, NEW_FIELDS));
  }

  @GetMapping("/admin/users/{username}")
  String user(@PathVariable String username, Model model) {
    StaffAccount user = administration.user(username);
    Map<String, String> values = new HashMap<>();
    values.put("displayName", user.displayName());
    values.put("email", user.email());
    values.put("role", user.role().name());
    for (int i = 0; i < user.teams().size(); i++) {
      values.put("teams[" + i + "]", user.teams().get(i));
    }
    values.put("active", String.valueOf(user.active()));
    return userPage(model, user, values, Map.of(), Map.of());
  }

  @PostMapping("/admin/users/{username}")
  String update(@PathVariable String username, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    StaffAccount user = administration.user(username);
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<StaffChanges> bound = FormBinding.bind(values, StaffChanges.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    StaffChanges changes = bound.payload();
    // an e-mail or team left empty on the page means none (the API leaves out what it does not change)
    StaffChanges asOnPage = new StaffChanges(changes.displayName(), changes.email() == null ? "" : changes.email(),
        changes.role(), changes.teams() == null ? List.of() : changes.teams(), changes.active());
    problems.addAll(administration.problemsOfChanges(username, asOnPage, currentUser.get()));
    if (problems.isEmpty()) {
      try {
        administration.updateUser(username, asOnPage, currentUser.get());
        redirect.addFlashAttribute("flash", msg("admin.user.saved", username));
        return "redirect:/admin/users/" + username;
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return userPage(model, user, values, errors(problems, EDIT_FIELDS), Map.of());
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(@PathVariable String username, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    StaffAccount user = administration.user(username);
    String password = request.getParameter("password");
    try {
      administration.resetPassword(username, password == null ? "" : password, currentUser.get());
      redirect.addFlashAttribute("flash", msg("admin.user.passwordReset", username));
      return "redirect:/admin/users/" + username;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return userPage(model, user, Map.of(), Map.of(), errors(e.problems(), List.of("password")));
    }
  }

  /** Lifts a sign-in lock on the user after failed sign-ins (as {@code POST /api/admin/users/{username}/unlock}). */
  @PostMapping("/admin/users/{username}/unlock")
  String unlock(@PathVariable String username, RedirectAttributes redirect) {
    administration.user(username);
    StaffMember admin = currentUser.get();
    boolean wasLocked = throttle.unlockUser(username);
    audit.recordWithoutCase(admin.username(), admin.role().name(), AuditAction.UNLOCK,
        "unlock sign-in: user " + username, wasLocked ? "was locked" : "was not locked");
    redirect.addFlashAttribute("flash", msg(wasLocked ? "admin.user.unlocked" : "admin.user.notLocked", username));
    return "redirect:/admin/users/" + username;
  }

  private String newForm(Model model, Map<String, String> values, Map<String, String> errors) {
    model.addAttribute("values", values);
    model.addAttribute("selectedTeams", selectedTeams(values));
    model.addAttribute("errors", errors);
    model.addAttribute("roles", Role.values());
    model.addAttribute("teams", administration.teams().stream().filter(AdministrationService.TeamView::active)
        .toList());
    return "admin-user-new";
  }

  /** The team codes the form's check boxes ({@code teams[i]}) hold. */
  private static List<String> selectedTeams(Map<String, String> values) {
    return values.entrySet().stream().filter(e -> e.getKey().startsWith("teams[")).map(Map.Entry::getValue).toList();
  }

  private String userPage(Model model, StaffAccount user, Map<String, String> values, Map<String, String> errors,
      Map<String, String> passwordErrors) {
    model.addAttribute("user", user);
    model.addAttribute("values", values);
    model.addAttribute("selectedTeams", selectedTeams(values));
    model.addAttribute("errors", errors);
    model.addAttribute("passwordErrors", passwordErrors);
    model.addAttribute("roles", Role.values());
    model.addAttribute("teams", administration.teams());
    model.addAttribute("isMe", user.username().equals(currentUser.get().username()));
    return "admin-user";
  }

  /** The first problem of each field, in the form's order, as the page says it ({@code teams[0]} is {@code teams}). */
  private Map<String, String> errors(List<Problem> problems, List<String> fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : fields) {
      problems.stream().filter(p -> p.field().equals(field) || p.field().startsWith(field + "[")).findFirst()
          .ifPresent(p -> errors.put(field, messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())));
    }
    problems.stream().filter(p -> fields.stream().noneMatch(f -> p.field().equals(f) || p.field().startsWith(f + "[")))
        .forEach(p -> errors.putIfAbsent("form", messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())));
    return errors;
  }

  private Map<String, String> teamNames() {
    Map<String, String> names = new HashMap<>();
    administration.teams().forEach(t -> names.put(t.code(), t.name()));
    return names;
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
