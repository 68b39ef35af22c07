package dk.trappen.demo;

import static dk.trappen.demo.DemoScript.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.outcomes.Indicator;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.plan.PlanService;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.NewSafetyPlan;
import dk.trappen.staircase.SafetyPlanView;
import dk.trappen.staircase.SafetyPlans;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import dk.trappen.tasks.CaseTaskService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's history (issue 21): for each team, 26 journeys that began between about 16 months and 4 weeks ago, driven
 * through the real intake and task services with the engine clock set to each event in turn, case by case (each case
 * from its notification forward in time, then the next case from its own start). Every figure of the strategy pages
 * has something to show on the first start: notifications every month from varied notifiers (a few acute
 * assessments later than 24 hours), investigations ending on every step of the staircase, placements with kin, in
 * foster families and at institutions approved by the team leader, network meetings about every 7 weeks with the
 * youth's satisfaction and own words and the goals' progress, moves up and down the staircase, placements that
 * ended, closed cases, interventions running past their planned end and planned step-downs ahead.
 *
 * <p>The history's cases belong to two caseworkers of each team who have no part in the sample cases (jonas and pia
 * in Nord, rasmus and lene in Syd), so the sample cases' task lists stay as the tour describes them. No task of a
 * running history case is overdue now: each case meets at most 54 days apart up to shortly before now, and its § 95
 * follow-up is done at the meeting before it falls due. Timers do not fire while the history is laid out (the job
 * executor starts once the application is ready); the only ones due on the first start are the planned-end reviews
 * of the interventions that run past their planned end: their reviews open and escalate, as late step-downs should.
 * Every other running intervention's planned end lies at least 40 days ahead, with a next step down.
 *
 * <p>Each meeting and follow-up also answers the outcome indicators asked at the youth's age (school, the 9th-grade
 * exam, education or work, police contact, substance use; better on cases that move than on stuck ones), and two in
 * three interventions at home get a safety plan agreed with the family the day they start, reviewed at every meeting
 * after (holding on most, not on stuck cases).
 */
@Component
@Profile("demo")
class DemoHistory {

  /** Nord's and Syd's history caseworkers, two per team. */
  static final Map<String, List<String>> CASEWORKERS = Map.of("nord", List.of("jonas", "pia"),
      "syd", List.of("rasmus", "lene"));
  private static final Map<String, String> LEADERS = Map.of("nord", "birgitte", "syd", "henrik");

  /** A case's open task with a key (the case's process and its called processes share the business key). */
  private static final String OPEN_TASK_OF_CASE = "select T.* from ACT_RU_TASK T join ACT_RU_EXECUTION E"
      + " on E.ID_ = T.PROC_INST_ID_ where E.BUSINESS_KEY_ = #{caseNumber} and T.SUSPENSION_STATE_ = 1"
      + " and T.TASK_DEF_KEY_ = #{key}";

  private final OrgService org;
  private final IntakeService intake;
  private final CaseTaskService tasks;
  private final TaskService engineTasks;
  private final CaseService cases;
  private final PlanService plans;
  private final StaircaseService staircase;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final OutcomeService outcomes;
  private final SafetyPlans safetyPlans;
  private final ZoneId zone;
  private final Map<String, StaffMember> members = new java.util.HashMap<>();

  DemoHistory(OrgService org, IntakeService intake, CaseTaskService tasks, TaskService engineTasks,
      CaseService cases, PlanService plans, StaircaseService staircase, ObjectMapper json, TransactionTemplate tx,
      Clock clock, OutcomeService outcomes, SafetyPlans safetyPlans) {
    this.outcomes = outcomes;
    this.safetyPlans = safetyPlans;
    this.org = org;
    this.intake = intake;
    this.tasks = tasks;
    this.engineTasks = engineTasks;
    this.cases = cases;
    this.plans = plans;
    this.staircase = staircase;
    this.json = json;
    this.tx = tx;
    this.zone = clock.getZone();
  }

  /** What the history holds, for the log. */
  record Summary(int cases, int meetings, int closed, int stepChanges) {
    Summary plus(Summary o) {
      return new Summary(cases + o.cases, meetings + o.meetings, closed + o.closed, stepChanges + o.stepChanges);
    }
  }

  /** Lays out both teams' history as of {@code now}; the caller resets the clock afterwards. */
  Summary seed(Instant now) {
    Summary total = new Summary(0, 0, 0, 0);
    int child = 0;
    for (Map.Entry<String, List<Path>> team : JOURNEYS.entrySet()) {
      Random random = new Random(team.getKey().hashCode());
      List<Path> paths = team.getValue();
      for (int i = 0; i < paths.size(); i++) {
        Journey j = new Journey(team.getKey(), i, child++, paths.get(i), now, random);
        total = total.plus(j.run());
      }
    }
    return total;
  }

  /** One history case from its notification up to now. */
  private final class Journey {

    private final String team;
    private final int index;
    private final Path path;
    private final Instant now;
    private final Random random;
    private final StaffMember worker;
    private final String firstName;
    private final LocalDate received;
    private String caseNumber;
    private long caseId;
    private int meetings;
    private int stepChanges;
    private String step;
    private LocalDate born;

    Journey(String team, int index, int child, Path path, Instant now, Random random) {
      this.team = team;
      this.index = index;
      this.path = path;
      this.now = now;
      this.random = random;
      this.worker = member(CASEWORKERS.get(team).get(index % 2));
      this.firstName = FIRST_NAMES[child % FIRST_NAMES.length];
      this.received = LocalDate.ofInstant(now, zone).minusDays(receivedDaysAgo(index));
    }

    Summary run() {
      Instant receivedAt = at(received, 8 + index % 5, 15 * (index % 4));
      register(receivedAt);
      // a few acute assessments come later than the 24 hours (every sixth case)
      Instant acute = index % 6 == 5 ? receivedAt.plusSeconds(3600L * (27 + index % 10))
          : receivedAt.plusSeconds(3600L * (2 + index % 6));
      complete(acute, "Task_AcuteAssessment", "ida", path == Path.NO_ACTION
          ? Map.of("outcome", "NO_ACTION", "note", "Talt med familien og skolen; ingen bekymring, der kræver en"
              + " undersøgelse.")
          : Map.of("outcome", "INVESTIGATE", "note", "Ingen akut fare; børnefaglig undersøgelse iværksættes."));
      // a professional notifier's receipt, the next working hours
      completeIfOpen(acute.plusSeconds(3600 * 20), "Task_SendAcknowledgement", "ida",
          Map.of("note", "Kvittering sendt til underretteren."));
      if (path == Path.NO_ACTION) {
        return new Summary(1, 0, 1, 0);
      }
      LocalDate investigated = received.plusDays(index < 4 ? 24 : 30 + index % 4 * 10);
      Instant investigationDone = at(investigated, 13, 0);
      complete(investigationDone, "Task_Investigation", worker.username(), investigation());
      if (path == Path.NO_INTERVENTION) {
        return new Summary(1, 0, 1, 0);
      }
      LocalDate started = chooseStep(investigated.plusDays(2), path.firstStep, null);
      if (started == null) {
        return new Summary(1, 0, 0, 0);
      }
      LocalDate planned = started.plusDays(14);
      if (!before(planned)) {
        return new Summary(1, 0, 0, 0);
      }
      complete(at(planned, 14, 0), "Task_WriteActionPlan", worker.username(), actionPlan(planned));
      LocalDate meeting = started.plusDays(35);
      int interval = 49 + index % 6;
      boolean closed = false;
      while (before(meeting) && !closed) {
        meetings++;
        Move move = path.moves.get(meetings);
        closed = meet(meeting, move);
        if (move == Move.STEP_UP || move == Move.STEP_DOWN) {
          LocalDate restarted = chooseStep(meeting.plusDays(1), adjacent(move == Move.STEP_UP), move);
          if (restarted == null) {
            break;
          }
          stepChanges++;
        }
        meeting = meeting.plusDays(interval);
      }
      return new Summary(1, meetings, closed ? 1 : 0, stepChanges);
    }

    private boolean before(LocalDate day) {
      return at(day, 16, 0).isBefore(now.minusSeconds(3600));
    }

    private void register(Instant receivedAt) {
      NotifierKind kind = NOTIFIERS[(index + (team.equals("syd") ? 5 : 0)) % NOTIFIERS.length];
      String[] concern = CONCERNS.get(kind);
      LocalDate born = LocalDate.ofInstant(now, zone).minusYears(6 + index % 10).minusDays(17L * index + 3);
      // a century digit of 7 (born 2000-2057): none of the sample cases' numbers
      String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(born) + "7" + String.format("%03d",
          (team.equals("syd") ? 500 : 100) + index);
      String last = LAST_NAMES[(index * 5 + (team.equals("syd") ? 3 : 0)) % LAST_NAMES.length];
      ClockUtil.setCurrentTime(Date.from(receivedAt));
      NewNotification n = new NewNotification(new NewNotification.ChildInput(cpr, firstName, last, born), kind,
          concern[0], null, concern[1], receivedAt, team);
      caseNumber = tx.execute(s -> intake.register(n, null, "ida")).caseNumber();
      caseId = cases.get(caseNumber).id();
    }

    private Map<String, Object> investigation() {
      boolean placement = path.firstStep != null && staircase.step(path.firstStep).map(Step::placement).orElse(false);
      boolean kin = "KIN_PLACEMENT".equals(path.firstStep);
      Map<String, Object> findings = new LinkedHashMap<>();
      findings.put("findings", placement
          ? "Barnet kan ikke bo hjemme lige nu; slægt, netværk og skole er inddraget i undersøgelsen."
          : "Barnets ressourcer og behov er afdækket med skole, forældre og barnet selv.");
      findings.put("youthPerspective", placement ? "Jeg vil helst bo et sted, hvor der er ro."
          : "Jeg vil gerne blive boende hjemme.");
      findings.put("riskLevel", placement ? "HIGH" : path == Path.NO_INTERVENTION ? "LOW" : "MODERATE");
      findings.put("safeAtHome", !placement);
      findings.put("kinOrNetworkPossible", kin);
      findings.put("youthWish", kin ? "KIN_OR_NETWORK" : placement ? "NO_WISH" : "STAY_HOME");
      findings.put("outcome", path == Path.NO_INTERVENTION ? "NO_INTERVENTION" : "INTERVENTION");
      return findings;
    }

    /**
     * Chooses {@code stepKey} on {@code day} (after the investigation, or the day after a meeting decided
     * {@code move}), with the team leader's approval the next day for a placement; returns the day the intervention
     * started, or null when that would be in the future.
     */
    private LocalDate chooseStep(LocalDate day, String stepKey, Move move) {
      if (!before(day.plusDays(1))) {
        return null;
      }
      Step chosen = staircase.step(stepKey).orElseThrow();
      String below = staircase.steps().stream().filter(s -> s.position() == chosen.position() - 1).map(Step::key)
          .findFirst().orElse(Staircase.ORDINARY_LIFE);
      LocalDate today = LocalDate.ofInstant(now, zone);
      LocalDate plannedEnd = path.late
          ? later(day.plusDays(60), today.minusDays(25 + index % 4 * 20))
          : later(day.plusDays(180), today.plusDays(40 + index % 8 * 25));
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("stepKey", stepKey);
      choice.put("description", description(stepKey));
      choice.put("plannedEnd", plannedEnd.toString());
      choice.put("nextStepDownKey", below);
      choice.put("justification", move == null ? "Valgt efter undersøgelsens fund og barnets og familiens ønsker."
          : move == Move.STEP_UP ? "Netværksmødet fandt, at indsatsen ikke var nok." : null);
      choice.put("childNotHeardReason", "Barnet er hørt på netværksmødet og ved hjemmebesøget.");
      complete(at(day, 11, 0), "Task_ChooseStep", worker.username(), choice);
      if (!chosen.placement()) {
        agreeSafetyPlan(at(day, 15, 0));
        return day;
      }
      complete(at(day.plusDays(1), 9, 30), "Task_ApprovePlacement", LEADERS.get(team), Map.of("approved", true,
          "note", "Godkendt: " + (move == null ? "anbringelsen er nødvendig efter undersøgelsen."
              : "trinskiftet følger netværksmødets beslutning."),
          "childNotHeardReason", "Barnets ønsker står i undersøgelsen og i mødereferatet."));
      return day.plusDays(1);
    }

    private String adjacent(boolean up) {
      InterventionView current = current();
      return staircase.adjacent(current.id(), up).map(Step::key).orElseThrow();
    }

    private InterventionView current() {
      List<InterventionView> running = staircase.running(caseId);
      return running.get(running.size() - 1);
    }

    /** Holds meeting number {@link #meetings} on {@code day}, deciding {@code move} (null: continue). */
    private boolean meet(LocalDate day, Move move) {
      Instant held = at(day, 10 + index % 3, 0);
      InterventionView current = current();
      step = current.stepKey();
      boolean placement = current.placement();
      ClockUtil.setCurrentTime(Date.from(held));
      // the § 95 follow-up is done at the meeting before it falls due
      Task followUp = openTask("Task_FollowUp");
      if (followUp != null && followUp.getDueDate() != null
          && followUp.getDueDate().toInstant().isBefore(held.plusSeconds(86400L * 62))) {
        Map<String, Object> conclusion = new LinkedHashMap<>(Map.of("effective", !path.stuck,
            "conclusion", path.stuck ? "Indsatsen har endnu ikke flyttet målene; den justeres på netværksmødet."
                : "Indsatsen virker efter hensigten; målene rykker sig.", "nextInterval", "P6M"));
        conclusion.put("outcomes", outcomes(held.minusSeconds(1800)));
        complete(held.minusSeconds(1800), "Task_FollowUp", worker.username(), conclusion);
      }
      int satisfaction = satisfaction();
      Map<String, Object> meeting = new LinkedHashMap<>();
      meeting.put("participants", participants(placement));
      meeting.put("goalProgress", goalProgress());
      meeting.put("youthSatisfaction", satisfaction);
      if (random.nextInt(100) < 80) {
        meeting.put("youthVoice", voice(satisfaction, placement));
      }
      String decision = move == null ? "CONTINUE" : switch (move) {
        case STEP_UP -> "STEP_UP";
        case STEP_DOWN -> "STEP_DOWN";
        case CLOSE_GOAL_REACHED, CLOSE_MOVED -> "CLOSE";
      };
      meeting.put("decision", decision);
      meeting.put("decisionNote", switch (decision) {
        case "STEP_UP" -> "Bekymringen er vokset; et trin op ad trappen.";
        case "STEP_DOWN" -> "Det går fremad; et trin ned ad trappen som planlagt.";
        case "CLOSE" -> move == Move.CLOSE_MOVED ? "Familien er flyttet; sagen sendes til den nye kommune."
            : "Målet er nået: et almindeligt hverdagsliv. Sagen lukkes.";
        default -> "Fortsætter; næste møde om syv uger.";
      });
      meeting.put("outcomes", outcomes(held));
      List<Map<String, Object>> reviews = new ArrayList<>();
      for (SafetyPlanView plan : safetyPlans.ofRunning(caseId)) {
        boolean holds = !path.stuck && random.nextInt(100) < 90;
        reviews.add(Map.of("safetyPlanId", plan.id(), "holds", holds, "note", holds
            ? "Planen holder; aftalerne bruges." : "Planen holder ikke; aftalerne justeres med familien."));
      }
      if (!reviews.isEmpty()) {
        meeting.put("safetyPlanReviews", reviews);
      }
      if (move == Move.STEP_UP || move == Move.STEP_DOWN) {
        meeting.put("interventionId", current.id());
      }
      if (move == Move.CLOSE_GOAL_REACHED || move == Move.CLOSE_MOVED) {
        meeting.put("closureReason", move == Move.CLOSE_MOVED ? "MOVED_MUNICIPALITY" : "GOAL_REACHED");
      }
      complete(held, "Task_HoldNetworkMeeting", worker.username(), meeting);
      return decision.equals("CLOSE");
    }

    /** The outcome indicators asked at the youth's age, most answered: better on cases that move than on stuck ones. */
    private Map<String, Boolean> outcomes(Instant at) {
      if (born == null) {
        born = cases.get(caseId).childBirthDate();
      }
      double good = path.stuck ? 0.45 : Math.min(0.9, 0.6 + 0.05 * meetings);
      Map<String, Boolean> answers = new LinkedHashMap<>();
      for (Indicator indicator : outcomes.applicable(born, at)) {
        if (random.nextInt(100) < 85) {
          answers.put(indicator.key(), random.nextDouble() < good == indicator.desired());
        }
      }
      return answers;
    }

    /** Two in three interventions at home get a safety plan agreed with the family the day they start. */
    private void agreeSafetyPlan(Instant at) {
      List<InterventionView> running = staircase.running(caseId);
      if (running.isEmpty() || index % 3 == 1) {
        return;
      }
      ClockUtil.setCurrentTime(Date.from(at));
      safetyPlans.agree(caseId, running.get(running.size() - 1).id(), new NewSafetyPlan(
          "Tegn på fare: råb og uro om aftenen. Mor ringer til mormor, der henter " + firstName + ". "
              + firstName + " ringer til kontaktpersonen eller 112. Familiebehandleren følger op ugentligt.",
          "Forældrene, mormor og familiebehandleren"), worker.username());
    }

    private int satisfaction() {
      double satisfied = SATISFIED.get(team) - (path.stuck ? 0.35 : 0);
      if (random.nextDouble() < satisfied) {
        return random.nextInt(100) < 45 ? 5 : 4;
      }
      int low = random.nextInt(100);
      return low < 55 ? 3 : low < 85 ? 2 : 1;
    }

    private String voice(int satisfaction, boolean placement) {
      if (satisfaction <= 3) {
        return SAD[random.nextInt(SAD.length)];
      }
      return placement && random.nextBoolean() ? PLACEMENT_GLAD[random.nextInt(PLACEMENT_GLAD.length)]
          : GLAD[random.nextInt(GLAD.length)];
    }

    private List<Map<String, Object>> participants(boolean placement) {
      List<Map<String, Object>> people = new ArrayList<>();
      people.add(Map.of("role", "YOUTH", "name", firstName));
      people.add(Map.of("role", "PARENT", "name", index % 3 == 0 ? "Far" : "Mor"));
      people.add(placement ? Map.of("role", "INSTITUTION", "name", "Plejefamilie eller institution")
          : Map.of("role", "SCHOOL", "name", "Klasselærer"));
      people.add(Map.of("role", "CASEWORKER", "name", worker.displayName()));
      return people;
    }

    /** The current plan's goals: rising by one or two a meeting, or standing still on a stuck case. */
    private List<Map<String, Object>> goalProgress() {
      List<PlanView.GoalView> goals = plans.current(caseId).map(PlanView::goals).orElse(List.of());
      List<Map<String, Object>> progress = new ArrayList<>();
      for (int g = 0; g < goals.size(); g++) {
        int value = path.stuck ? 3 - g : Math.min(10, 1 + g + meetings + meetings / 2 + (index + g) % 2);
        progress.add(Map.of("goalId", goals.get(g).id(), "progress", value,
            "comment", path.stuck ? "Ingen fremgang siden sidst." : "Fremgang siden sidste møde."));
      }
      return progress;
    }

    private Map<String, Object> actionPlan(LocalDate day) {
      return Map.of("youthOwnWords", index % 2 == 0 ? "Jeg vil gerne i skole hver dag og have en ven."
              : "Jeg vil have ro derhjemme og nogen at snakke med.",
          "goals", List.of(
              Map.of("title", "Stabilt skolefremmøde", "successCriterion", "Fremmøde over 90 %",
                  "owner", "Skolen og forældrene", "targetDate", day.plusDays(180).toString(), "youthOwn", true,
                  "subGoals", List.of(Map.of("title", "Fast morgenrutine", "targetDate",
                      day.plusDays(45).toString()))),
              Map.of("title", "Trivsel og fritid", "successCriterion", "Går til en fritidsaktivitet hver uge",
                  "owner", "Barnet og kontaktpersonen", "targetDate", day.plusDays(240).toString(),
                  "youthOwn", false, "subGoals", List.of(Map.of("title", "Prøve to klubber", "targetDate",
                      day.plusDays(60).toString())))));
    }

    private void complete(Instant when, String taskKey, String username, Map<String, Object> payload) {
      if (!completeIfOpen(when, taskKey, username, payload)) {
        throw new IllegalStateException("demo history case " + caseNumber + " (" + path + ") has no task " + taskKey);
      }
    }

    private boolean completeIfOpen(Instant when, String taskKey, String username, Map<String, Object> payload) {
      ClockUtil.setCurrentTime(Date.from(when));
      Task task = openTask(taskKey);
      if (task == null) {
        return false;
      }
      tasks.complete(task.getId(), json.valueToTree(payload), member(username));
      return true;
    }

    private Task openTask(String taskKey) {
      return engineTasks.createNativeTaskQuery().sql(OPEN_TASK_OF_CASE).parameter("caseNumber", caseNumber)
          .parameter("key", taskKey).list().stream().findFirst().orElse(null);
    }

    private Instant at(LocalDate day, int hour, int minute) {
      return day.atTime(hour, minute).atZone(zone).toInstant();
    }
  }

  /** The staff who work the history, looked up once. */
  private StaffMember member(String username) {
    return members.computeIfAbsent(username, u -> org.member(u).orElseThrow());
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
