package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.intake.IntakeCaseView;
import dk.trappen.intake.IntakeService;
import dk.trappen.meetings.ConcernSource;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import dk.trappen.tasks.CaseTaskService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page (template case, its model from {@link CasePageModel} over the {@link CaseFileQuery}'s case file, as
 * for GET /api/cases/{caseNumber}) and its form for a new concern while an intervention runs. A caseworker or team
 * leader sees their own team's cases only (others get the not-found page, as for a case that does not exist). Intake
 * sees the intake view of every case instead (template case-intake: the child, where the case is, its notifications
 * and the user's own tasks on it), never the case's contents. The concern's POST lives here, not in {@code meetings},
 * because a refused concern is shown on the whole case page again, beside the fields; the write itself is
 * {@code MeetingsService.registerConcern}.
 */
@Controller
class CasePageController {

  private final CaseAccess access;
  private final CaseFileQuery caseFiles;
  private final CasePageModel pageModel;
  private final IntakeService intake;
  private final CaseTaskService tasks;
  private final MeetingsService meetings;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final Clock clock;

  CasePageController(CaseAccess access, CaseFileQuery caseFiles, CasePageModel pageModel, IntakeService intake,
      CaseTaskService tasks, MeetingsService meetings, CurrentUser currentUser, MessageSource messages, Clock clock) {
    this.access = access;
    this.caseFiles = caseFiles;
    this.pageModel = pageModel;
    this.intake = intake;
    this.tasks = tasks;
    this.meetings = meetings;
    this.currentUser = currentUser;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/cases/{caseNumber}")
  String page(@PathVariable String caseNumber, Model model) {
    if (access.level(caseNumber) == CaseAccess.Level.INTAKE_VIEW) {
      return intakePage(caseNumber, model);
    }
    CaseRef c = access.read(caseNumber, "page: case");
    ConcernForm form = new ConcernForm();
    form.setRaisedAt(pageModel.nowLocal());
    pageModel.fill(model, c, caseFiles.read(c), form, Map.of(), null);
    return "case";
  }

  /**
   * The case as intake sees it: the child, where the case is and how it stands, its notifications, and the user's
   * own open tasks on it (the acute assessment); nothing of the case's contents (see {@link IntakeCaseView}).
   */
  private String intakePage(String caseNumber, Model model) {
    CaseRef c = access.readIntakeView(caseNumber, "page: case (intake view)");
    IntakeCaseView view = intake.caseView(c);
    model.addAttribute("v", view);
    model.addAttribute("cpr", CasePageModel.formattedCpr(view.child().cpr()));
    model.addAttribute("myTasks", tasks.tasksOfCaseFor(caseNumber, currentUser.get()));
    return "case-intake";
  }

  @PostMapping("/cases/{caseNumber}/concerns")
  String concern(@PathVariable String caseNumber, @ModelAttribute("concernForm") ConcernForm form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "page: new concern");
    Map<String, String> errors = new LinkedHashMap<>();
    ConcernSource source = form.source(errors, this::msg);
    String description = form.strippedDescription(errors, this::msg);
    Instant raisedAt = form.raisedAtInstant(clock, errors, this::msg);
    String formError = c.open() ? null : msg("case.concern.error.closed");
    if (errors.isEmpty() && formError == null) {
      try {
        meetings.registerConcern(caseNumber, c.id(), source, description, raisedAt, currentUser.get().username());
        redirect.addFlashAttribute("flash", msg("case.concern.registered"));
        return "redirect:/cases/" + caseNumber + "#concerns";
      } catch (InvalidInputException e) {
        if (e.conflict() && e.concerns("case")) {
          // changed by someone else at the same time, again and again: nothing stored, the user may send it again
          formError = msg("case.concern.error.changedMeanwhile");
        } else if (e.conflict()) {
          formError = msg("case.concern.error.noIntervention");
        } else {
          e.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
              messages.getMessage(problem.onPage(), LocaleContextHolder.getLocale())));
        }
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    pageModel.fill(model, c, caseFiles.read(c), form, errors, formError);
    return "case";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    return "case-not-found";
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
