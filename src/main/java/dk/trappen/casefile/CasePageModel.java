package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.journal.JournalEntryView;
import dk.trappen.journal.JournalService;
import dk.trappen.letters.LettersService;
import dk.trappen.meetings.ConcernSource;
import dk.trappen.meetings.MeetingView;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.org.OrgService;
import dk.trappen.outcomes.Indicator;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.outcomes.OutcomeView;
import dk.trappen.org.StaffMember;
import dk.trappen.org.Team;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionStatus;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.SafetyPlanView;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Turns a {@link CaseFile} into the case page's model in the reader's language: the staircase with the current
 * step(s), the path up and down over time, the running and pending interventions, the plan's goals with their
 * progress, notifications, deadlines (open first), open tasks, the timeline, and the new-concern form.
 */
@Component
class CasePageModel {

  static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** A step of the staircase as drawn: {@code bricks} has one entry per level of height. */
  public record StepRow(int position, String key, String name, boolean placement, boolean current,
                        boolean nextDown, List<Integer> bricks) {
  }

  /** A goal of the current plan with the progress recorded for it at each meeting, oldest first. */
  public record GoalRow(PlanView.GoalView goal, List<ProgressRow> progress) {
  }

  public record ProgressRow(Instant heldAt, int progress, String comment) {
  }

  private final StaircaseService staircase;
  private final MeetingsService meetings;
  private final OrgService org;
  private final MessageSource messages;
  private final CaseStaircaseView staircaseView;
  private final JournalService journal;
  private final CaseRecordsModel records;
  private final LettersService letters;
  private final CaseDeadlinesModel deadlineChanges;
  private final Clock clock;
  private final OutcomeService outcomes;

  /** An intervention's safety plan as the case page shows it: who agreed it and who reviewed it, by name. */
  public record SafetyPlanRow(SafetyPlanView plan, String agreedBy, List<SafetyPlanReviewRow> reviews) {
  }

  public record SafetyPlanReviewRow(SafetyPlanView.Review review, String by) {
  }

  /** An outcome answer as the case page shows it: the indicator's name in the reader's language. */
  public record OutcomeRow(OutcomeView outcome, String indicator, String by) {
  }

  CasePageModel(StaircaseService staircase, MeetingsService meetings, OrgService org, MessageSource messages,
      CaseStaircaseView staircaseView, JournalService journal, CaseRecordsModel records, LettersService letters,
      CaseDeadlinesModel deadlineChanges, Clock clock, OutcomeService outcomes) {
    this.outcomes = outcomes;
    this.deadlineChanges = deadlineChanges;
    this.records = records;
    this.letters = letters;
    this.journal = journal;
    this.staircase = staircase;
    this.meetings = meetings;
    this.org = org;
    this.messages = messages;
    this.staircaseView = staircaseView;
    this.clock = clock;
  }

  /**
   * The interventions' safety plans (by intervention id) with the form to agree one (what was typed and each field's
   * problem, when a refused form is shown again: safetyPlanFor, safetyPlanForm, safetyPlanErrors), and the outcome
   * answers: the latest of each indicator and every one, newest first.
   */
  private void safetyPlansAndOutcomes(Model model, CaseFile f, Function<String, String> person) {
    Map<Long, SafetyPlanRow> plans = new HashMap<>();
    for (SafetyPlanView p : f.safetyPlans()) {
      plans.put(p.interventionId(), new SafetyPlanRow(p, person.apply(p.agreedBy()),
          p.reviews().stream().map(r -> new SafetyPlanReviewRow(r, person.apply(r.reviewedBy()))).toList()));
    }
    model.addAttribute("safetyPlans", plans);
    if (!model.containsAttribute("safetyPlanErrors")) {
      model.addAttribute("safetyPlanFor", null);
      model.addAttribute("safetyPlanForm", Map.of());
      model.addAttribute("safetyPlanErrors", Map.of());
    }
    java.util.Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> names = new HashMap<>();
    outcomes.indicators().forEach(i -> names.put(i.key(), i.name(locale)));
    List<OutcomeRow> history = f.outcomes().stream().map(o -> new OutcomeRow(o,
        names.getOrDefault(o.indicatorKey(), o.indicatorKey()), person.apply(o.recordedBy()))).toList();
    Map<String, OutcomeRow> latest = new java.util.LinkedHashMap<>();
    outcomes.indicators().stream().map(Indicator::key).forEach(k -> history.stream()
        .filter(r -> r.outcome().indicatorKey().equals(k)).findFirst().ifPresent(r -> latest.put(k, r)));
    history.forEach(r -> latest.putIfAbsent(r.outcome().indicatorKey(), r));
    model.addAttribute("outcomesLatest", List.copyOf(latest.values()));
    model.addAttribute("outcomesHistory", history);
  }

  /** Now, to the minute, as a datetime-local field shows it. */
  String nowLocal() {
    return CaseRecordsModel.nowLocal(clock);
  }

  /**
   * The case page's model: the case file as the page shows it, and the new-concern form with what was typed in it
   * ({@code concernForm}, by field), the problem of each field and a problem of the concern as a whole.
   */
  void fill(Model model, CaseRef c, CaseFile f, Map<String, String> concernForm, Map<String, String> concernErrors,
      String concernError) {
    boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
    CaseService.CaseClosure closure = new CaseService.CaseClosure(f.openedAt(), f.closedAt(), f.closureReason(),
        f.closureNote());
    Map<String, String> names = new HashMap<>();
    Function<String, String> person = username -> names.computeIfAbsent(username,
        u -> org.member(u).map(StaffMember::displayName).orElse(u));
    Function<String, String> stepName = key -> staircaseView.stepName(key, english);

    List<InterventionView> all = f.stepHistory();
    List<InterventionView> running = f.runningInterventions();
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
    model.addAttribute("reviews", staircaseView.reviewRows(c.id(), all, stepName, person));
    safetyPlansAndOutcomes(model, f, person);

    Instant from = c.awareAt() != null ? c.awareAt() : closure.openedAt();
    Instant until = closure.closedAt() != null ? closure.closedAt() : clock.instant();
    List<StaircasePath.Point> changes = StaircasePath.changes(all, from, until);
    model.addAttribute("pathRows", staircaseView.pathRows(changes, closure.closedAt(), english));
    model.addAttribute("pathJson", staircaseView.pathJson(StaircasePath.drawn(changes, until), english));

    List<PlanView> allPlans = f.plans();
    PlanView plan = allPlans.isEmpty() ? null : allPlans.get(allPlans.size() - 1);
    List<MeetingView> allMeetings = f.meetings();
    model.addAttribute("plan", plan);
    model.addAttribute("planVersions", allPlans.size());
    model.addAttribute("planAuthor", plan == null ? null : person.apply(plan.createdBy()));
    model.addAttribute("goals", plan == null ? List.of() : plan.goals().stream()
        .map(g -> new GoalRow(g, progressOf(g.id(), allMeetings))).toList());
    model.addAttribute("meetingCount", allMeetings.size());

    model.addAttribute("notifications", f.notifications());
    List<DeadlineView> caseDeadlines = new ArrayList<>(f.deadlines());
    caseDeadlines.sort(Comparator.comparing((DeadlineView d) -> !open(d)).thenComparing(DeadlineView::dueAt));
    model.addAttribute("deadlines", caseDeadlines);
    deadlineChanges.fill(model, c, caseDeadlines);
    List<TaskView> openTasks = f.openTasks().stream()
        .sorted(Comparator.comparing(TaskView::due, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    model.addAttribute("openTasks", openTasks);

    model.addAttribute("concerns", f.concerns());
    List<JournalEntryView> entries = journal.entries(c.id());
    records.journal(model, entries, person);
    records.parties(model, c);
    records.documents(model, c, person);
    // the case's letters, newest first: drafts to review and send, sent letters frozen (issue 19)
    model.addAttribute("letters", letters.letters(c.id()));
    CaseTimeline.Messages m = this::msg;
    model.addAttribute("timeline", new CaseTimeline(m, stepName, person)
        .opened(closure.openedAt())
        .notifications(f.notifications())
        .investigation(f.investigation())
        .interventions(all)
        .plans(allPlans)
        .meetings(allMeetings)
        .followUps(f.followUps())
        .concerns(f.concerns())
        .journal(entries)
        .aftercare(f.aftercare())
        .deadlines(caseDeadlines)
        .closed(closure.closedAt(), closure.reason(), closure.note())
        .newestFirst());

    model.addAttribute("canRaiseConcern", c.open() && !running.isEmpty() && meetings.canReceiveConcern(c.caseNumber()));
    model.addAttribute("concernSources", ConcernSource.values());
    model.addAttribute("concernForm", concernForm);
    model.addAttribute("concernErrors", concernErrors);
    model.addAttribute("concernError", concernError);
    model.addAttribute("nowLocal", nowLocal());
  }

  /** The CPR number as people write it, DDMMYY-SSSS. */
  static String formattedCpr(String cpr) {
    return cpr.length() == 10 ? cpr.substring(0, 6) + "-" + cpr.substring(6) : cpr;
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
