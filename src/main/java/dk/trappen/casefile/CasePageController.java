package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.intake.IntakeCaseView;
import dk.trappen.intake.IntakeService;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.meetings.NewConcern;
import dk.trappen.org.Role;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import dk.trappen.tasks.CaseTaskService;
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

  /** The concern form's fields, named as in {@link NewConcern}. */
  private static final List<String> CONCERN_FIELDS = List.of("raisedBy", "description", "raisedAt");

  private final CaseAccess access;
  private final CaseFileQuery caseFiles;
  private final CasePageModel pageModel;
  private final IntakeService intake;
  private final CaseTaskService tasks;
  private final MeetingsService meetings;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final Clock clock;
  private final Validator validator;

  CasePageController(CaseAccess access, CaseFileQuery caseFiles, CasePageModel pageModel, IntakeService intake,
      CaseTaskService tasks, MeetingsService meetings, CurrentUser currentUser, MessageSource messages, Clock clock,
      Validator validator) {
    this.validator = validator;
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
    pageModel.fill(model, c, caseFiles.read(c), Map.of("raisedAt", pageModel.nowLocal()), Map.of(), null);
    return "case";
  }

  /** Whether the user writes to cases: a head of department reads them (the concern form is the team's). */
  @ModelAttribute("writes")
  boolean writes() {
    return currentUser.get().role() != Role.HEAD;
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

  /**
   * A new concern from the case page: bound with Spring's data binding ({@link FormBinding}) into the
   * {@link NewConcern} the API takes and checked by its constraints, every problem beside its field; a refusal of the
   * case as a whole (closed, no running interventions, changed meanwhile) above the form.
   */
  @PostMapping("/cases/{caseNumber}/concerns")
  String concern(@PathVariable String caseNumber, HttpServletRequest request, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "page: new concern");
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewConcern> bound = FormBinding.bind(values, NewConcern.class, clock.getZone());
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    String formError = null;
    if (problems.isEmpty()) {
      try {
        meetings.registerConcern(c, bound.payload(), currentUser.get().username());
        redirect.addFlashAttribute("flash", msg("case.concern.registered"));
        return "redirect:/cases/" + caseNumber + "#concerns";
      } catch (InvalidInputException e) {
        if (e.conflict()) {
          formError = messages.getMessage(e.problems().get(0).onPage(), LocaleContextHolder.getLocale());
        } else {
          problems.addAll(e.problems());
        }
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(),
        messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())));
    Map<String, String> typed = new HashMap<>();
    CONCERN_FIELDS.forEach(field -> typed.put(field, request.getParameter(field)));
    response.setStatus(formError != null ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
    pageModel.fill(model, c, caseFiles.read(c), typed, errors, formError);
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
