package dk.trappen.security;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff user chooses a new password ({@code /account/password}): always possible, and the only page open to a user
 * who must (the first administrator, after a reset; see {@link AccountStateFilter}). The current password proves who
 * is asking; the new one passes {@link PasswordPolicy}, is typed twice and differs from the current one. Every
 * problem is shown at once, beside its field; the change is audited (never a password). A user signed in with OpenID
 * Connect has no password here.
 */
@Controller
class PasswordChangeController {

  private static final List<String> FIELDS = List.of("currentPassword", "newPassword", "repeatPassword");

  private final OrgService org;
  private final PasswordEncoder passwords;
  private final AuditService audit;
  private final MessageSource messages;
  private final Clock clock;

  PasswordChangeController(OrgService org, PasswordEncoder passwords, AuditService audit, MessageSource messages,
      Clock clock) {
    this.org = org;
    this.passwords = passwords;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(AccountStateFilter.PASSWORD_PAGE)
  String form(Authentication auth, Model model) {
    model.addAttribute("required", user(auth).isMustChangePassword());
    model.addAttribute("errors", Map.of());
    return "account-password";
  }

  @PostMapping(AccountStateFilter.PASSWORD_PAGE)
  String change(Authentication auth, @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatPassword,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    StaffUser user = user(auth);
    List<Problem> problems = new ArrayList<>();
    if (currentPassword.isEmpty()) {
      problems.add(Problem.of("currentPassword", "problem.required"));
    } else if (!passwords.matches(currentPassword, user.getPasswordHash())) {
      problems.add(Problem.of("currentPassword", "problem.account.wrongPassword"));
    }
    problems.addAll(PasswordPolicy.problems("newPassword", newPassword, user.getUsername()));
    if (!newPassword.isEmpty() && newPassword.equals(currentPassword)) {
      problems.add(Problem.of("newPassword", "problem.account.samePassword"));
    }
    if (!newPassword.equals(repeatPassword)) {
      problems.add(Problem.of("repeatPassword", "problem.account.repeatMismatch"));
    }
    if (problems.isEmpty()) {
      org.setPassword(user.getUsername(), passwords.encode(newPassword), false, clock.instant());
      audit.recordWithoutCase(user.getUsername(), user.getRole().name(), AuditAction.ADMINISTER,
          "user " + user.getUsername() + ": own password changed", null);
      redirect.addFlashAttribute("flash", messages.getMessage("account.password.changed", null,
          LocaleContextHolder.getLocale()));
      return "redirect:/";
    }
    Map<String, String> errors = new LinkedHashMap<>();
    FIELDS.forEach(field -> problems.stream().filter(p -> p.field().equals(field)).map(p -> messages.getMessage(
        p.onPage(), LocaleContextHolder.getLocale())).reduce((a, b) -> a + " " + b)
        .ifPresent(text -> errors.put(field, text)));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("required", user.isMustChangePassword());
    model.addAttribute("errors", errors);
    return "account-password";
  }

  private StaffUser user(Authentication auth) {
    StaffUser user = org.credentials(auth.getName()).orElseThrow(() -> new AccessDeniedException("not a staff user"));
    if (user.getPasswordHash() == null || user.getPasswordHash().isEmpty()) {
      throw new AccessDeniedException("signs in with OpenID Connect");
    }
    return user;
  }
}
