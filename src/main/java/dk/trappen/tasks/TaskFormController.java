package dk.trappen.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.intake.AcuteOutcome;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NotificationView;
import dk.trappen.investigation.InvestigationOutcome;
import dk.trappen.investigation.RiskLevel;
import dk.trappen.investigation.YouthWish;
import dk.trappen.meetings.MeetingClosureReason;
import dk.trappen.meetings.MeetingDecision;
import dk.trappen.meetings.ParticipantRole;
import dk.trappen.org.StaffMember;
import dk.trappen.plan.PlanView;
import dk.trappen.security.CurrentUser;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form of every task of the journey: GET /tasks/{id} shows it, POST /tasks/{id} completes the task with the
 * payload the form fields spell out (their names are the payload's paths). A refused form comes back with every
 * problem next to its field, a summary at the top, and every value as typed; claiming happens on completion.
 * Goals, sub-goals and participants are added as htmx fragments.
 */
@Controller
class TaskFormController {

  /** The form template of each task kind, and the payload fields in the order the form shows them. */
  private static final Map<String, List<String>> FIELD_ORDER = Map.ofEntries(
      Map.entry("acute-assessment", List.of("outcome", "note", "riskLevel", "safeAtHome", "kinOrNetworkPossible",
          "youthWish")),
      Map.entry("acknowledgement", List.of("note")),
      Map.entry("reassessment", List.of("assessment", "acuteMeasuresNeeded")),
      Map.entry("investigation", List.of("findings", "youthPerspective", "riskLevel", "safeAtHome",
          "kinOrNetworkPossible", "youthWish", "outcome")),
      Map.entry("interim-assessment", List.of("assessment")),
      Map.entry("choose-step", List.of("stepKey", "justification", "description", "plannedEnd", "nextStepDownKey")),
      Map.entry("approve-placement", List.of("approved", "note")),
      Map.entry("action-plan", List.of("youthOwnWords", "goals")),
      Map.entry("youth-plan", List.of("youthOwnWords", "goals")),
      Map.entry("network-meeting", List.of("participants", "goalProgress", "youthSatisfaction", "youthVoice",
          "decision", "interventionId", "closureReason", "decisionNote")),
      Map.entry("follow-up", List.of("effective", "conclusion", "nextInterval")),
      Map.entry("concern-response", List.of("response")),
      Map.entry("aftercare", List.of("granted", "note")));

  /** The intervals a follow-up can set until the next one (ISO-8601 periods, labelled in the bundles). */
  static final List<String> FOLLOW_UP_INTERVALS = List.of("P1M", "P3M", "P6M", "P9M", "P12M");

  private final CaseTaskService tasks;
  private final CurrentUser currentUser;
  private final Map<String, Class<?>> payloadTypes;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final CaseService cases;
  private final IntakeService intake;
  private final ZoneId zone;
  private final StaircaseService staircase;

  TaskFormController(CaseTaskService tasks, CurrentUser currentUser, List<TaskHandler<?>> handlers,
      MessageSource messages, ObjectMapper json, CaseService cases, IntakeService intake, Clock clock,
      StaircaseService staircase) {
    this.staircase = staircase;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.payloadTypes = handlers.stream().collect(Collectors.toMap(TaskHandler::kind, TaskHandler::payloadType));
    this.messages = messages;
    this.json = json;
    this.cases = cases;
    this.intake = intake;
    this.zone = clock.getZone();
  }

  @GetMapping("/tasks/{id}")
  String form(@PathVariable String id, Model model, Locale locale) {
    StaffMember me = currentUser.get();
    TaskView task = tasks.task(id, me);
    Map<String, String> values = FormPayload.flatten(prefill(task, me));
    return show(task, values, Map.of(), model, locale);
  }

  @PostMapping("/tasks/{id}")
  String submit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect, Locale locale) {
    StaffMember me = currentUser.get();
    TaskView task = tasks.summary(id, me);
    Class<?> type = payloadTypes.get(task.kind());
    if (type == null) {
      throw new NotFoundException("no form for task kind " + task.kind());
    }
    FormPayload.Converted form = FormPayload.convert(request.getParameterMap(), type, false);
    try {
      tasks.complete(id, form.json(), me);
    } catch (InvalidInputException e) {
      if (e.conflict() && e.concerns(TaskRaces.FIELD)) {
        // completed or claimed by someone else meanwhile: nothing was stored; the task list says what happened
        redirect.addFlashAttribute("flash", TaskRaces.describe(e, messages, locale));
        return "redirect:/tasks";
      }
      // the form is shown again, with the facts it shows: that is a read of the case
      TaskView shown = tasks.task(id, me);
      response.setStatus(e.conflict() ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
      Map<String, String> errors = new LinkedHashMap<>();
      e.problems().forEach(problem -> errors.merge(clean(problem.field()),
          messages.getMessage(problem.onPage(), locale), (a, b) -> a + " " + b));
      if (!e.conflict()) {
        contextProblems(shown, form.json()).forEach((path, code) -> errors.putIfAbsent(path,
            messages.getMessage("form.error." + code, null, locale)));
        // reading the payload stops at the first text with a control character; the form names every one
        form.values().forEach((path, value) -> {
          if (ControlCharacters.present(value)) {
            errors.putIfAbsent(path, messages.getMessage(Problem.of(path, ControlCharacters.PROBLEM).onPage(), locale));
          }
        });
      }
      return show(shown, form.values(), errors, model, locale);
    }
    redirect.addFlashAttribute("flash", messages.getMessage("form.done",
        new Object[] {messages.getMessage("kind." + task.kind(), null, task.kind(), locale), task.caseNumber()},
        locale));
    return "redirect:/tasks";
  }

  /** A new goal (with its first sub-goal) for the action plan and youth plan forms. */
  @GetMapping("/tasks/{id}/goal-row")
  String goalRow(@PathVariable String id, @RequestParam int index, Model model, Locale locale) {
    model.addAttribute("taskId", id);
    model.addAttribute("g", bounded(index));
    model.addAttribute("f", state("action-plan", Map.of(), Map.of(), Map.of(), locale, "goals[" + index + "].title"));
    return "forms/plan-fields :: goal-added";
  }

  /** A new sub-goal of goal {@code goal} for the action plan and youth plan forms. */
  @GetMapping("/tasks/{id}/subgoal-row")
  String subGoalRow(@PathVariable String id, @RequestParam int goal, @RequestParam int index, Model model,
      Locale locale) {
    model.addAttribute("taskId", id);
    model.addAttribute("g", bounded(goal));
    model.addAttribute("s", bounded(index));
    model.addAttribute("f", state("action-plan", Map.of(), Map.of(), Map.of(), locale,
        "goals[" + goal + "].subGoals[" + index + "].title"));
    return "forms/plan-fields :: subgoal-added";
  }

  /** A new participant for the network meeting form. */
  @GetMapping("/tasks/{id}/participant-row")
  String participantRow(@PathVariable String id, @RequestParam int index, Model model, Locale locale) {
    model.addAttribute("taskId", id);
    model.addAttribute("p", bounded(index));
    model.addAttribute("roles", names(ParticipantRole.values()));
    model.addAttribute("f", state("network-meeting", Map.of(), Map.of(), Map.of(), locale,
        "participants[" + index + "].role"));
    return "forms/meeting-fields :: participant-added";
  }

  /** A task that is gone (completed meanwhile, or not the user's): back to the task list with a notice. */
  @ExceptionHandler(NotFoundException.class)
  String gone(RedirectAttributes redirect, Locale locale) {
    redirect.addFlashAttribute("flash", messages.getMessage("form.gone", null, locale));
    return "redirect:/tasks";
  }

  /**
   * The problems the task's handler finds only once the payload is valid on its own (a higher step without a
   * justification, acute measures without the facts they need, ...). When the service has refused the form for other
   * reasons, these are shown in the same round, so that the user does not meet them one submission later. The
   * handler stays the authority: this only adds messages to a form that is refused anyway.
   */
  private static Map<String, String> contextProblems(TaskView task, ObjectNode in) {
    Map<String, String> problems = new LinkedHashMap<>();
    Map<String, Object> d = task.details() == null ? Map.of() : task.details();
    switch (task.kind()) {
      case "acute-assessment" -> {
        if (AcuteOutcome.ACUTE_MEASURES.name().equals(in.path("outcome").asText())) {
          for (String field : List.of("riskLevel", "safeAtHome", "kinOrNetworkPossible")) {
            if (!in.hasNonNull(field)) {
              problems.put(field, "requiredForAcute");
            }
          }
        }
      }
      case "choose-step" -> {
        List<Step> steps = steps(d);
        Object recommended = d.get("recommendedStepKey");
        int chosen = steps.stream().filter(s -> s.key().equals(in.path("stepKey").asText())).mapToInt(Step::position)
            .findFirst().orElse(-1);
        int advised = steps.stream().filter(s -> s.key().equals(recommended)).mapToInt(Step::position)
            .findFirst().orElse(Integer.MAX_VALUE);
        if (chosen > advised && in.path("justification").asText("").isBlank()) {
          problems.put("justification", "higherThanRecommended");
        }
      }
      case "approve-placement" -> {
        if (in.path("approved").isBoolean() && !in.path("approved").asBoolean()
            && in.path("note").asText("").isBlank()) {
          problems.put("note", "requiredForRefusal");
        }
      }
      case "network-meeting" -> {
        String decision = in.path("decision").asText("");
        if (decision.equals(MeetingDecision.CLOSE.name()) && !in.hasNonNull("closureReason")) {
          problems.put("closureReason", "requiredToClose");
        } else if (!decision.isEmpty() && !decision.equals(MeetingDecision.CLOSE.name())
            && in.hasNonNull("closureReason")) {
          problems.put("closureReason", "onlyForClose");
        }
        if ((decision.equals(MeetingDecision.STEP_UP.name()) || decision.equals(MeetingDecision.STEP_DOWN.name()))
            && !in.hasNonNull("interventionId")) {
          problems.put("interventionId", "requiredForStepChange");
        }
      }
      default -> {
      }
    }
    return problems;
  }

  private static int bounded(int index) {
    if (index < 0 || index > 99) {
      throw new IllegalArgumentException("index out of range: " + index);
    }
    return index;
  }

  /** Bean Validation names a list element's own constraint "goals[0].&lt;list element&gt;"; the form calls it goals[0]. */
  private static String clean(String path) {
    return path.replace(".<list element>", "").replace("<list element>", "");
  }

  private String show(TaskView task, Map<String, String> values, Map<String, String> errors, Model model,
      Locale locale) {
    String kind = task.kind();
    if (!FIELD_ORDER.containsKey(kind)) {
      throw new NotFoundException("no form for task kind " + kind);
    }
    Map<String, Object> d = task.details() == null ? Map.of() : task.details();
    Map<String, String> names = new LinkedHashMap<>();
    model.addAttribute("task", task);
    model.addAttribute("d", d);
    model.addAttribute("taskId", task.id());
    model.addAttribute("dates", new Dates(locale, zone));
    model.addAttribute("yesNo", List.of("true", "false"));
    model.addAttribute("stepLabels", stepLabels(locale));
    switch (kind) {
      case "acute-assessment", "acknowledgement", "reassessment" -> {
        model.addAttribute("notifications", notifications(task));
        model.addAttribute("outcomes", names(AcuteOutcome.values()));
        model.addAttribute("riskLevels", names(RiskLevel.values()));
        model.addAttribute("youthWishes", names(YouthWish.values()));
      }
      case "investigation" -> {
        model.addAttribute("riskLevels", names(RiskLevel.values()));
        model.addAttribute("youthWishes", names(YouthWish.values()));
        model.addAttribute("outcomes", names(InvestigationOutcome.values()));
      }
      case "choose-step" -> {
        model.addAttribute("steps", steps(d));
        model.addAttribute("recommended", d.get("recommendedStepKey"));
      }
      case "network-meeting" -> {
        List<PlanView.GoalView> goals = goals(d.get("currentPlan"));
        for (int i = 0; i < goals.size(); i++) {
          names.put("goalProgress[" + i + "]", goals.get(i).title());
        }
        model.addAttribute("goals", goals);
        model.addAttribute("roles", names(ParticipantRole.values()));
        model.addAttribute("decisions", names(MeetingDecision.values()));
        model.addAttribute("closureReasons", names(MeetingClosureReason.values()));
        model.addAttribute("satisfaction", List.of("1", "2", "3", "4", "5"));
        model.addAttribute("progressScale", java.util.stream.IntStream.rangeClosed(0, 10).mapToObj(String::valueOf)
            .toList());
      }
      case "follow-up" -> model.addAttribute("intervals", FOLLOW_UP_INTERVALS);
      default -> {
      }
    }
    model.addAttribute("f", state(kind, values, errors, names, locale, null));
    // the youth plan is the action plan's form, written when the youth turns 16
    return "forms/" + ("youth-plan".equals(kind) ? "action-plan" : kind);
  }

  private FormState state(String kind, Map<String, String> values, Map<String, String> errors,
      Map<String, String> names, Locale locale, String focus) {
    return new FormState(kind, values, errors, names, FIELD_ORDER.getOrDefault(kind, List.of()),
        payloadTypes.get(kind), messages, locale, focus);
  }

  /** What the form starts with: the recommendation, the current plan, the child and the caseworker as participants. */
  private ObjectNode prefill(TaskView task, StaffMember me) {
    ObjectNode out = json.createObjectNode();
    Map<String, Object> d = task.details() == null ? Map.of() : task.details();
    switch (task.kind()) {
      case "choose-step" -> {
        Object recommended = d.get("recommendedStepKey");
        if (recommended != null) {
          out.put("stepKey", recommended.toString());
          List<Step> steps = steps(d);
          String below = steps.stream().filter(s -> steps.stream().anyMatch(r -> r.key().equals(recommended)
                  && s.position() == r.position() - 1))
              .map(Step::key).findFirst().orElse(Staircase.ORDINARY_LIFE);
          out.put("nextStepDownKey", below);
        }
      }
      case "action-plan", "youth-plan" -> {
        if (d.get("currentPlan") instanceof PlanView plan) {
          out.put("youthOwnWords", plan.youthOwnWords());
          ArrayNode goals = out.putArray("goals");
          for (PlanView.GoalView g : plan.goals()) {
            ObjectNode goal = goals.addObject();
            goal.put("title", g.title());
            goal.put("successCriterion", g.successCriterion());
            goal.put("owner", g.owner());
            goal.put("targetDate", g.targetDate() == null ? null : g.targetDate().toString());
            if (g.youthOwn()) {
              goal.put("youthOwn", true);
            }
            ArrayNode subGoals = goal.putArray("subGoals");
            for (PlanView.SubGoalView s : g.subGoals()) {
              ObjectNode sub = subGoals.addObject();
              sub.put("title", s.title());
              sub.put("targetDate", s.targetDate() == null ? null : s.targetDate().toString());
            }
          }
        }
      }
      case "network-meeting" -> {
        ArrayNode participants = out.putArray("participants");
        if (task.childName() != null) {
          participants.addObject().put("role", ParticipantRole.YOUTH.name()).put("name", task.childName());
        }
        participants.addObject().put("role", ParticipantRole.CASEWORKER.name()).put("name", me.displayName());
        ArrayNode progress = out.putArray("goalProgress");
        for (PlanView.GoalView g : goals(d.get("currentPlan"))) {
          progress.addObject().put("goalId", g.id());
        }
      }
      default -> {
      }
    }
    return out;
  }

  private List<NotificationView> notifications(TaskView task) {
    if (task.caseNumber() == null) {
      return List.of();
    }
    return intake.notifications(cases.get(task.caseNumber()).id()).stream()
        .sorted(Comparator.comparing(NotificationView::receivedAt).reversed())
        .toList();
  }

  /** "Trin 2: Forebyggende indsatser" for each step key, and the common goal below the staircase. */
  private Map<String, String> stepLabels(Locale locale) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Step s : staircase.steps()) {
      String name = "en".equals(locale.getLanguage()) && s.nameEn() != null ? s.nameEn() : s.name();
      labels.put(s.key(), messages.getMessage("form.step.label", new Object[] {s.position(), name}, locale));
    }
    labels.put(Staircase.ORDINARY_LIFE, messages.getMessage("form.step.ordinaryLife", null, locale));
    return labels;
  }

  @SuppressWarnings("unchecked")
  private static List<Step> steps(Map<String, Object> d) {
    Object steps = d.get("steps");
    return steps instanceof List<?> list ? (List<Step>) list : List.of();
  }

  private static List<PlanView.GoalView> goals(Object plan) {
    return plan instanceof PlanView p ? p.goals() : List.of();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** Dates and times in the user's language and the application's time zone. */
  public static final class Dates {
    private final Locale locale;
    private final ZoneId zone;

    Dates(Locale locale, ZoneId zone) {
      this.locale = locale;
      this.zone = zone;
    }

    public String dateTime(Instant t) {
      return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
          .withLocale(locale).withZone(zone).format(t);
    }

    public String date(LocalDate d) {
      return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
    }
  }
}
