package dk.trappen.administration;

import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
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
 * The administration page of teams ({@code /admin/teams}): every team with its state, a form for a new team, and on
 * each team a form to rename, deactivate or reactivate it; through {@link AdministrationService} as the API.
 */
@Controller
class TeamPageController {

  private final AdministrationService administration;
  private final CurrentUser currentUser;
  private final Validator validator;
  private final MessageSource messages;
  private final Clock clock;

  TeamPageController(AdministrationService administration, CurrentUser currentUser, Validator validator,
      MessageSource messages, Clock clock) {
    this.administration = administration;
    this.currentUser = currentUser;
    this.validator = validator;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/admin/teams")
  String teams(Model model) {
    return page(model, Map.of(), Map.of(), null);
  }

  @PostMapping("/admin/teams")
  String create(HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewTeam> bound = FormBinding.bind(values, NewTeam.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    if (problems.isEmpty()) {
      try {
        AdministrationService.TeamView team = administration.createTeam(bound.payload(), currentUser.get());
        redirect.addFlashAttribute("flash", msg("admin.team.created", team.name()));
        return "redirect:/admin/teams";
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return page(model, values, errors(problems), null);
  }

  @PostMapping("/admin/teams/{code}")
  String update(@PathVariable String code, HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<TeamChanges> bound = FormBinding.bind(values, TeamChanges.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    if (problems.isEmpty()) {
      try {
        AdministrationService.TeamView team = administration.updateTeam(code, bound.payload(), currentUser.get());
        redirect.addFlashAttribute("flash", msg("admin.team.saved", team.name()));
        return "redirect:/admin/teams";
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    Map<String, String> teamErrors = new LinkedHashMap<>();
    teamErrors.put("code", code);
    teamErrors.putAll(errors(problems));
    return page(model, Map.of(), Map.of(), teamErrors);
  }

  /** The page: {@code newErrors} for the new-team form, {@code teamErrors} (with the team's code) for one team. */
  private String page(Model model, Map<String, String> values, Map<String, String> newErrors,
      Map<String, String> teamErrors) {
    model.addAttribute("teams", administration.teams());
    model.addAttribute("values", values);
    model.addAttribute("errors", newErrors);
    model.addAttribute("teamErrors", teamErrors == null ? Map.of() : teamErrors);
    return "admin-teams";
  }

  private Map<String, String> errors(List<Problem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(), messages.getMessage(p.onPage(),
        LocaleContextHolder.getLocale())));
    return errors;
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
