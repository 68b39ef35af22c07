package dk.trappen.demo;

import static dk.trappen.demo.DemoScript.*;

import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.StaffMember;
import dk.trappen.outcomes.Indicator;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.NewSafetyPlan;
import dk.trappen.staircase.SafetyPlanView;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.Step;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * One case of the demo's history ({@link DemoHistory}), from its notification up to now: played through the real
 * intake, task, plan and staircase services with the engine's clock set to each event, as {@link DemoScript}'s path
 * for it says.
 */
final class DemoJourney {

  private final DemoServices services;
  private final ZoneId zone;

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

  DemoJourney(DemoServices services, String team, int index, int child, Path path, Instant now, Random random) {
    this.services = services;
    this.zone = services.zone();
    this.team = team;
    this.index = index;
    this.path = path;
    this.now = now;
    this.random = random;
    this.worker = services.member(DemoHistory.CASEWORKERS.get(team).get(index % 2));
    this.firstName = FIRST_NAMES[child % FIRST_NAMES.length];
    this.received = LocalDate.ofInstant(now, zone).minusDays(receivedDaysAgo(index));
  }

  DemoHistory.Summary run() {
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
      return new DemoHistory.Summary(1, 0, 1, 0);
    }
    LocalDate investigated = received.plusDays(index < 4 ? 24 : 30 + index % 4 * 10);
    Instant investigationDone = at(investigated, 13, 0);
    complete(investigationDone, "Task_Investigation", worker.username(), investigation(path.firstStep != null
        && services.staircase().step(path.firstStep).map(Step::placement).orElse(false),
        "KIN_PLACEMENT".equals(path.firstStep), path == Path.NO_INTERVENTION));
    if (path == Path.NO_INTERVENTION) {
      return new DemoHistory.Summary(1, 0, 1, 0);
    }
    LocalDate started = chooseStep(investigated.plusDays(2), path.firstStep, null);
    if (started == null) {
      return new DemoHistory.Summary(1, 0, 0, 0);
    }
    LocalDate planned = started.plusDays(14);
    if (!before(planned)) {
      return new DemoHistory.Summary(1, 0, 0, 0);
    }
    complete(at(planned, 14, 0), "Task_WriteActionPlan", worker.username(), actionPlan(planned, index % 2 == 0));
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
    return new DemoHistory.Summary(1, meetings, closed ? 1 : 0, stepChanges);
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
    caseNumber = services.tx().execute(s -> services.intake().register(n, null, "ida")).caseNumber();
    caseId = services.cases().get(caseNumber).id();
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
    Step chosen = services.staircase().step(stepKey).orElseThrow();
    String below = services.staircase().steps().stream().filter(s -> s.position() == chosen.position() - 1)
        .map(Step::key)
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
    complete(at(day.plusDays(1), 9, 30), "Task_ApprovePlacement", DemoHistory.LEADERS.get(team), Map.of(
        "approved", true,
        "note", "Godkendt: " + (move == null ? "anbringelsen er nødvendig efter undersøgelsen."
            : "trinskiftet følger netværksmødets beslutning."),
        "childNotHeardReason", "Barnets ønsker står i undersøgelsen og i mødereferatet."));
    return day.plusDays(1);
  }

  private String adjacent(boolean up) {
    InterventionView current = current();
    return services.staircase().adjacent(current.id(), up).map(Step::key).orElseThrow();
  }

  private InterventionView current() {
    List<InterventionView> running = services.staircase().running(caseId);
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
    Task followUp = services.openTask(caseNumber, "Task_FollowUp");
    if (followUp != null && followUp.getDueDate() != null
        && followUp.getDueDate().toInstant().isBefore(held.plusSeconds(86400L * 62))) {
      Map<String, Object> conclusion = new LinkedHashMap<>(Map.of("effective", !path.stuck,
          "conclusion", path.stuck ? "Indsatsen har endnu ikke flyttet målene; den justeres på netværksmødet."
              : "Indsatsen virker efter hensigten; målene rykker sig.", "nextInterval", "P6M"));
      conclusion.put("outcomes", outcomes(held.minusSeconds(1800)));
      complete(held.minusSeconds(1800), "Task_FollowUp", worker.username(), conclusion);
    }
    int satisfaction = satisfaction(team, path.stuck, random);
    Map<String, Object> meeting = new LinkedHashMap<>();
    meeting.put("participants", participants(firstName, index % 3 == 0 ? "Far" : "Mor", placement,
        worker.displayName()));
    meeting.put("goalProgress", goalProgress());
    meeting.put("youthSatisfaction", satisfaction);
    if (random.nextInt(100) < 80) {
      meeting.put("youthVoice", voice(satisfaction, placement, random));
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
    for (SafetyPlanView plan : services.safetyPlans().ofRunning(caseId)) {
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
      born = services.cases().get(caseId).childBirthDate();
    }
    double good = path.stuck ? 0.45 : Math.min(0.9, 0.6 + 0.05 * meetings);
    Map<String, Boolean> answers = new LinkedHashMap<>();
    for (Indicator indicator : services.outcomes().applicable(born, at)) {
      if (random.nextInt(100) < 85) {
        answers.put(indicator.key(), random.nextDouble() < good == indicator.desired());
      }
    }
    return answers;
  }

  /** Two in three interventions at home get a safety plan agreed with the family the day they start. */
  private void agreeSafetyPlan(Instant at) {
    List<InterventionView> running = services.staircase().running(caseId);
    if (running.isEmpty() || index % 3 == 1) {
      return;
    }
    ClockUtil.setCurrentTime(Date.from(at));
    services.safetyPlans().agree(caseId, running.get(running.size() - 1).id(), new NewSafetyPlan(
        "Tegn på fare: råb og uro om aftenen. Mor ringer til mormor, der henter " + firstName + ". "
            + firstName + " ringer til kontaktpersonen eller 112. Familiebehandleren følger op ugentligt.",
        "Forældrene, mormor og familiebehandleren"), worker.username());
  }

  /** The current plan's goals: rising by one or two a meeting, or standing still on a stuck case. */
  private List<Map<String, Object>> goalProgress() {
    List<PlanView.GoalView> goals = services.plans().current(caseId).map(PlanView::goals).orElse(List.of());
    List<Map<String, Object>> progress = new ArrayList<>();
    for (int g = 0; g < goals.size(); g++) {
      int value = path.stuck ? 3 - g : Math.min(10, 1 + g + meetings + meetings / 2 + (index + g) % 2);
      progress.add(Map.of("goalId", goals.get(g).id(), "progress", value,
          "comment", path.stuck ? "Ingen fremgang siden sidst." : "Fremgang siden sidste møde."));
    }
    return progress;
  }

  private void complete(Instant when, String taskKey, String username, Map<String, Object> payload) {
    if (!completeIfOpen(when, taskKey, username, payload)) {
      throw new IllegalStateException("demo history case " + caseNumber + " (" + path + ") has no task " + taskKey);
    }
  }

  private boolean completeIfOpen(Instant when, String taskKey, String username, Map<String, Object> payload) {
    return services.completeIfOpen(caseNumber, when, taskKey, username, payload);
  }

  private Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(zone).toInstant();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
