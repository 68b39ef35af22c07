package dk.trappen.cases;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.intake.IntakeCaseView;
import dk.trappen.intake.IntakeService;
import dk.trappen.investigation.InvestigationService;
import dk.trappen.meetings.ConcernSource;
import dk.trappen.meetings.MeetingView;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.org.Team;
import dk.trappen.plan.PlanService;
import dk.trappen.plan.PlanView;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import dk.trappen.staircase.InterventionStatus;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lombok.Getter;
import lombok.Setter;
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
 * The case page: the child, the staircase with the current step(s), the path up and down over time, the running
 * interventions, the plan's goals with their progress, notifications, deadlines, open tasks and a timeline of
 * everything that happened; and the form for a new concern while an intervention runs. A caseworker or team leader
 * sees their own team's cases only (others get the not-found page, as for a case that does not exist). Intake sees
 * the intake view of every case instead (template case-intake: the child, where the case is, its notifications and
 * the user's own tasks on it), never the case's contents. The data comes from the features' services, as for
 * GET /api/cases/{caseNumber} and GET /api/cases/{caseNumber}/intake.
 */
@Controller
class CasePageController {

  static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final CaseService cases;
  private final IntakeService intake;
  private final StaircaseService staircase;
  private final PlanService plans;
  private final InvestigationService investigations;
  private final MeetingsService meetings;
  private final DeadlineRegister deadlines;
  private final CaseTaskService tasks;
  private final OrgService org;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final CaseStaircaseView staircaseView;
  private final Clock clock;
  private final CaseAccess access;

  CasePageController(CaseService cases, IntakeService intake, StaircaseService staircase, PlanService plans,
      InvestigationService investigations, MeetingsService meetings, DeadlineRegister deadlines,
      CaseTaskService tasks, OrgService org, CurrentUser currentUser, MessageSource messages,
      CaseStaircaseView staircaseView, Clock clock, CaseAccess access) {
    this.access = access;
    this.cases = cases;
    this.intake = intake;
    this.staircase = staircase;
    this.plans = plans;
    this.investigations = investigations;
    this.meetings = meetings;
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.org = org;
    this.currentUser = currentUser;
    this.messages = messages;
    this.staircaseView = staircaseView;
    this.clock = clock;
  }

  /** The concern form as typed: who raised it, what it is, and when (datetime-local; blank means now). */
  @Getter
  @Setter
  public static class ConcernForm {
    private String raisedBy;
    private String description;
    private String raisedAt;
  }

  // ---- view rows ---------------------------------------------------------------------------------------------------

  /** A step of the staircase as drawn: {@code bricks} has one entry per level of height. */
  public record StepRow(int position, String key, String name, boolean placement, boolean current,
                        boolean nextDown, List<Integer> bricks) {
  }

  /** A goal of the current plan with the progress recorded for it at each meeting, oldest first. */
  public record GoalRow(PlanView.GoalView goal, List<ProgressRow> progress) {
  }

  public record ProgressRow(Instant heldAt, int progress, String comment) {
  }

  // ---- routes ------------------------------------------------------------------------------------------------------

  @GetMapping("/cases/{caseNumber}")
  String page(@PathVariable String caseNumber, Model model) {
    if (access.level(caseNumber) == CaseAccess.Level.INTAKE_VIEW) {
      return intakePage(caseNumber, model);
    }
    CaseRef c = access.read(caseNumber, "page: case");
    ConcernForm form = new ConcernForm();
    form.setRaisedAt(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES));
    fill(model, c, form, Map.of(), null);
    return "case";
  }

  /**
   * The case as intake sees it: the child, where the case is and how it stands, its notifications, and the user's
   * own open tasks on it (the acute assessment); nothing of the case's contents (see {@link IntakeCaseView}).
   */
  private String intakePage(String caseNumber, Model model) {
    CaseRef c = access.readIntakeView(caseNumber, "page: case (intake view)");
    IntakeCaseView view = intake.caseView(c);
    StaffMember me = currentUser.get();
    model.addAttribute("v", view);
    model.addAttribute("cpr", formattedCpr(view.child().cpr()));
    model.addAttribute("myTasks", tasks.tasksOfCaseFor(caseNumber, me));
    return "case-intake";
  }

  private static String formattedCpr(String cpr) {
    return cpr.length() == 10 ? cpr.substring(0, 6) + "-" + cpr.substring(6) : cpr;
  }

  @PostMapping("/cases/{caseNumber}/concerns")
  String concern(@PathVariable String caseNumber, @ModelAttribute("concernForm") ConcernForm form, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CaseRef c = access.write(caseNumber, "page: new concern");
    Map<String, String> errors = new LinkedHashMap<>();
    String formError = null;
    ConcernSource source = null;
    if (form.getRaisedBy() == null || form.getRaisedBy().isBlank()) {
      errors.put("raisedBy", msg("case.form.error.choose"));
    } else {
      try {
        source = ConcernSource.valueOf(form.getRaisedBy());
      } catch (IllegalArgumentException e) {
        errors.put("raisedBy", msg("case.form.error.choose"));
      }
    }
    String description = form.getDescription() == null ? "" : form.getDescription().strip();
    if (description.isEmpty()) {
      errors.put("description", msg("case.concern.error.description"));
    } else if (description.length() > 4000) {
      errors.put("description", msg("case.form.error.tooLong", 4000));
    } else if (ControlCharacters.present(form.getDescription())) {
      errors.put("description", msg("case.form.error.controlCharacters"));
    }
    Instant raisedAt = null;
    if (form.getRaisedAt() != null && !form.getRaisedAt().isBlank()) {
      try {
        raisedAt = LocalDateTime.parse(form.getRaisedAt().strip()).atZone(clock.getZone()).toInstant();
        if (raisedAt.isAfter(clock.instant())) {
          errors.put("raisedAt", msg("case.form.error.future"));
        }
      } catch (DateTimeParseException e) {
        errors.put("raisedAt", msg("case.form.error.dateTime"));
      }
    }
    if (!c.open()) {
      formError = msg("case.concern.error.closed");
    }
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
    fill(model, c, form, errors, formError);
    return "case";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    return "case-not-found";
  }

  // ---- the page ----------------------------------------------------------------------------------------------------

  private void fill(Model model, CaseRef c, ConcernForm form, Map<String, String> concernErrors, String concernError) {
    Locale locale = LocaleContextHolder.getLocale();
    boolean english = "en".equals(locale.getLanguage());
    Instant now = clock.instant();
    CaseService.CaseClosure closure = cases.closure(c.id());
    Map<String, String> names = new HashMap<>();
    Function<String, String> person = username -> names.computeIfAbsent(username,
        u -> org.member(u).map(StaffMember::displayName).orElse(u));
    Function<String, String> stepName = key -> staircaseView.stepName(key, english);

    List<InterventionView> all = staircase.interventions(c.id());
    List<InterventionView> running = all.stream().filter(InterventionView::running).toList();
    List<InterventionView> pending = all.stream().filter(i -> i.status() == InterventionStatus.AWAITING_APPROVAL
        || i.status() == InterventionStatus.DECIDED).toList();
    Set<String> currentKeys = running.stream().map(InterventionView::stepKey).collect(Collectors.toSet());
    Set<String> nextDownKeys = running.stream().map(InterventionView::nextStepDownKey)
        .filter(k -> k != null).collect(Collectors.toSet());
    List<StepRow> steps = staircase.steps().stream().map(s -> new StepRow(s.position(), s.key(),
        english ? s.nameEn() : s.name(), s.placement(), currentKeys.contains(s.key()), nextDownKeys.contains(s.key()),
        IntStream.rangeClosed(1, s.position()).boxed().toList())).toList();

    model.addAttribute("c", c);
    model.addAttribute("cpr", formattedCpr(c.childCpr()));
    model.addAttribute("closure", closure);
    model.addAttribute("teamName", org.teams().stream().filter(t -> t.getCode().equals(c.teamCode()))
        .map(Team::getName).findFirst().orElse(c.teamCode()));
    model.addAttribute("caseworkerName", c.caseworker() == null ? null : person.apply(c.caseworker()));
    model.addAttribute("staircaseName", staircase.name());
    model.addAttribute("steps", steps);
    model.addAttribute("ordinaryLifeNextDown", nextDownKeys.contains(Staircase.ORDINARY_LIFE));
    model.addAttribute("running", staircaseView.rows(running, stepName));
    model.addAttribute("pending", staircaseView.rows(pending, stepName));

    Instant from = c.awareAt() != null ? c.awareAt() : closure.openedAt();
    Instant until = closure.closedAt() != null ? closure.closedAt() : now;
    List<StaircasePath.Point> changes = StaircasePath.changes(all, from, until);
    model.addAttribute("pathRows", staircaseView.pathRows(changes, closure.closedAt(), english));
    model.addAttribute("pathJson", staircaseView.pathJson(StaircasePath.drawn(changes, until), english));

    List<PlanView> allPlans = plans.plans(c.id());
    PlanView plan = allPlans.isEmpty() ? null : allPlans.get(allPlans.size() - 1);
    List<MeetingView> allMeetings = meetings.meetings(c.id());
    model.addAttribute("plan", plan);
    model.addAttribute("planVersions", allPlans.size());
    model.addAttribute("planAuthor", plan == null ? null : person.apply(plan.createdBy()));
    model.addAttribute("goals", plan == null ? List.of() : plan.goals().stream()
        .map(g -> new GoalRow(g, progressOf(g.id(), allMeetings))).toList());
    model.addAttribute("meetingCount", allMeetings.size());

    var notifications = intake.notifications(c.id());
    model.addAttribute("notifications", notifications);
    List<DeadlineView> caseDeadlines = new ArrayList<>(deadlines.forCase(c.id()));
    caseDeadlines.sort(Comparator.comparing((DeadlineView d) -> !open(d)).thenComparing(DeadlineView::dueAt));
    model.addAttribute("deadlines", caseDeadlines);
    List<TaskView> openTasks = tasks.tasksOfCase(c.caseNumber()).stream()
        .sorted(Comparator.comparing(TaskView::due, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    model.addAttribute("openTasks", openTasks);

    var investigation = investigations.investigation(c.id()).orElse(null);
    var concerns = meetings.concerns(c.id());
    model.addAttribute("concerns", concerns);
    CaseTimeline.Messages m = this::msg;
    model.addAttribute("timeline", new CaseTimeline(m, stepName, person)
        .opened(closure.openedAt())
        .notifications(notifications)
        .investigation(investigation)
        .interventions(all)
        .plans(allPlans)
        .meetings(allMeetings)
        .followUps(meetings.followUps(c.id()))
        .concerns(concerns)
        .aftercare(plans.aftercare(c.id()))
        .deadlines(caseDeadlines)
        .closed(closure.closedAt(), closure.reason(), closure.note())
        .newestFirst());

    model.addAttribute("canRaiseConcern", c.open() && !running.isEmpty() && meetings.canReceiveConcern(c.caseNumber()));
    model.addAttribute("concernSources", ConcernSource.values());
    model.addAttribute("concernForm", form);
    model.addAttribute("concernErrors", concernErrors);
    model.addAttribute("concernError", concernError);
    model.addAttribute("nowLocal", LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES));
  }

  private static boolean open(DeadlineView d) {
    return d.state() == DeadlineState.OPEN || d.state() == DeadlineState.AT_RISK
        || d.state() == DeadlineState.OVERDUE;
  }

  private static List<ProgressRow> progressOf(long goalId, List<MeetingView> meetings) {
    List<ProgressRow> rows = new ArrayList<>();
    for (MeetingView m : meetings) {
      m.goalProgress().stream().filter(g -> g.goalId() == goalId)
          .forEach(g -> rows.add(new ProgressRow(m.heldAt(), g.progress(), g.comment())));
    }
    return rows;
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
