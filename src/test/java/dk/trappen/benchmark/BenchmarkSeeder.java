package dk.trappen.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds open youth cases at national scale through the application's own services (intake, task claim and
 * completion), with a realistic mix of stages: acute assessments pending (fresh, at risk, overdue), investigations
 * running (early, at risk, overdue), steps just chosen (on every step of the staircase, placements waiting for the
 * team leader's approval), action plans written, network meetings held (decision CONTINUE) and § 95 follow-ups done.
 *
 * <p>Case {@code i} (a global index, so a database can be topped up from 10,000 to 100,000) belongs to team
 * {@code i / casesPerTeam} and to caseworker {@code (i % casesPerTeam) % caseworkersPerTeam} of that team. Each case's
 * open team tasks are claimed by its caseworker at the end, so a caseworker's task list holds their own cases' tasks
 * (about 40 with the defaults) and not every unassigned task of the team.
 *
 * <p>Cases fall into cohorts by a fixed spread of the index. A cohort's cases were received at the same time and
 * went through the same steps at the same times (acute assessment 5 hours after receipt, investigation done after 50
 * days, step chosen after 52, action plan after 80, meetings every 50 days...). The seeder runs one step of one
 * cohort at a time, in parallel over the cohort's cases, with Camunda's clock (a static, shared by all threads) set to
 * that step's time: the engine, the deadline register and the history see the dates of a real journey, and the
 * deadlines end up spread over fresh, at risk and overdue. Timers that came due meanwhile stay due (the job executor
 * is off while seeding); {@link #drainDueJobs} then runs them through the engine, as a running node would have.
 */
final class BenchmarkSeeder {

  static final String PREFIX = "bench-t";
  static final String INTAKE_USER = "bench-intake";

  /** The steps of a journey, with their time after the notification was received. */
  enum Phase {
    REGISTER(Duration.ZERO), ACUTE(Duration.ofHours(5)), ACKNOWLEDGE(Duration.ofDays(1)),
    INVESTIGATE(Duration.ofDays(50)), CHOOSE_STEP(Duration.ofDays(52)), APPROVE(Duration.ofDays(53)),
    PLAN(Duration.ofDays(80)), MEETING_1(Duration.ofDays(102)), FOLLOW_UP(Duration.ofDays(132)),
    MEETING_2(Duration.ofDays(152)), MEETING_3(Duration.ofDays(202));

    final Duration after;

    Phase(Duration after) {
      this.after = after;
    }
  }

  /** Cases received {@code age} before now that went as far as {@code last}; {@code percent} of all cases. */
  record Cohort(String name, int percent, Duration age, Phase last, boolean placement) {
    boolean reaches(Phase p) {
      if (p == Phase.APPROVE && !placement) {
        return false;
      }
      return p.ordinal() <= last.ordinal();
    }
  }

  static final List<Cohort> COHORTS = List.of(
      new Cohort("acute assessment pending", 4, Duration.ofHours(10), Phase.REGISTER, false),
      new Cohort("acute assessment at risk", 1, Duration.ofHours(21), Phase.REGISTER, false),
      new Cohort("acute assessment overdue", 1, Duration.ofHours(30), Phase.REGISTER, false),
      new Cohort("acknowledgement pending", 2, Duration.ofDays(3), Phase.ACUTE, false),
      new Cohort("investigation, early", 10, Duration.ofDays(20), Phase.ACKNOWLEDGE, false),
      new Cohort("investigation, halfway", 10, Duration.ofDays(45), Phase.ACKNOWLEDGE, false),
      new Cohort("investigation at risk", 3, Duration.ofDays(110), Phase.ACKNOWLEDGE, false),
      new Cohort("investigation overdue", 2, Duration.ofDays(125), Phase.ACKNOWLEDGE, false),
      new Cohort("step chosen", 10, Duration.ofDays(60), Phase.CHOOSE_STEP, false),
      new Cohort("placement awaiting approval", 2, Duration.ofDays(54), Phase.CHOOSE_STEP, true),
      new Cohort("action plan written", 10, Duration.ofDays(95), Phase.PLAN, false),
      new Cohort("network meeting overdue", 3, Duration.ofDays(112), Phase.PLAN, false),
      new Cohort("one meeting held", 12, Duration.ofDays(130), Phase.MEETING_1, false),
      new Cohort("placement running", 4, Duration.ofDays(150), Phase.MEETING_1, true),
      new Cohort("followed up, two meetings", 10, Duration.ofDays(180), Phase.MEETING_2, false),
      new Cohort("long running, three meetings", 12, Duration.ofDays(230), Phase.MEETING_3, false),
      new Cohort("placement long running", 4, Duration.ofDays(230), Phase.MEETING_3, true));

  private static final String[] STEPS = {"EARLY_HELP", "PREVENTIVE", "HOME_BASED"};
  private static final String[] STEPS_DOWN = {"ORDINARY_LIFE", "EARLY_HELP", "PREVENTIVE"};
  private static final String[] PLACEMENTS = {"KIN_PLACEMENT", "FOSTER_FAMILY", "INSTITUTION"};
  private static final NotifierKind[] NOTIFIERS = {NotifierKind.SCHOOL, NotifierKind.HEALTH, NotifierKind.POLICE,
      NotifierKind.DAYCARE, NotifierKind.RELATIVE, NotifierKind.NEIGHBOUR, NotifierKind.ANONYMOUS};
  private static final Set<String> NOT_FOR_CASEWORKERS = Set.of("Task_AcuteAssessment", "Task_SendAcknowledgement",
      "Task_ApprovePlacement", "Task_Reassessment");
  private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private final IntakeService intake;
  private final CaseTaskService tasks;
  private final TaskService engineTasks;
  private final OrgService org;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final PasswordEncoder passwords;
  final int casesPerTeam;
  final int caseworkersPerTeam;
  private final Map<String, StaffMember> members = new ConcurrentHashMap<>();
  private String passwordHash;

  BenchmarkSeeder(ApplicationContext context, int casesPerTeam, int caseworkersPerTeam) {
    this.intake = context.getBean(IntakeService.class);
    this.tasks = context.getBean(CaseTaskService.class);
    this.engineTasks = context.getBean(TaskService.class);
    this.org = context.getBean(OrgService.class);
    this.json = context.getBean(ObjectMapper.class);
    this.tx = context.getBean(TransactionTemplate.class);
    this.passwords = context.getBean(PasswordEncoder.class);
    this.casesPerTeam = casesPerTeam;
    this.caseworkersPerTeam = caseworkersPerTeam;
  }

  static String team(int teamIndex) {
    return PREFIX + String.format("%05d", teamIndex);
  }

  static String caseworker(int teamIndex, int worker) {
    return team(teamIndex) + "-cw" + worker;
  }

  static String leader(int teamIndex) {
    return team(teamIndex) + "-tl";
  }

  /** The cohort of case {@code i}: a fixed spread over the cohorts' percentages, mixed across teams. */
  static Cohort cohortOf(int i) {
    int bucket = (int) ((i * 37L + i / 100) % 100);
    for (Cohort c : COHORTS) {
      if (bucket < c.percent()) {
        return c;
      }
      bucket -= c.percent();
    }
    throw new IllegalStateException("cohort percentages must add up to 100");
  }

  /** Teams, caseworkers and leaders for cases [from, to), plus the intake user; only those missing are created. */
  void ensureStaff(int from, int to) {
    if (passwordHash == null) {
      passwordHash = passwords.encode("bench");
    }
    if (org.member(INTAKE_USER).isEmpty()) {
      org.createUser(INTAKE_USER, "Benchmark Modtagelse", Role.INTAKE, null, passwordHash, false);
    }
    for (int t = from / casesPerTeam; t <= (to - 1) / casesPerTeam; t++) {
      if (org.teamExists(team(t))) {
        continue;
      }
      org.createTeam(team(t), "Team " + t);
      for (int w = 0; w < caseworkersPerTeam; w++) {
        org.createUser(caseworker(t, w), "Sagsbehandler " + t + "." + w, Role.CASEWORKER, team(t), passwordHash, false);
      }
      org.createUser(leader(t), "Teamleder " + t, Role.TEAM_LEADER, team(t), passwordHash, false);
    }
  }

  StaffMember member(String username) {
    return members.computeIfAbsent(username, u -> org.member(u).orElseThrow());
  }

  /**
   * Seeds cases [from, to) as of {@code now}; returns the number of cases per cohort. {@code batch} cases share one
   * transaction per step.
   */
  Map<String, Integer> seed(int from, int to, Instant nowInstant, int threads, int batch) throws Exception {
    Instant now = nowInstant.truncatedTo(ChronoUnit.MILLIS);
    ensureStaff(from, to);
    Map<Cohort, List<Integer>> byCohort = new java.util.LinkedHashMap<>();
    COHORTS.forEach(c -> byCohort.put(c, new ArrayList<>()));
    for (int i = from; i < to; i++) {
      byCohort.get(cohortOf(i)).add(i);
    }
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    String[] caseNumbers = new String[to - from];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Map.Entry<Cohort, List<Integer>> e : byCohort.entrySet()) {
        Cohort cohort = e.getKey();
        List<Integer> cases = e.getValue();
        counts.put(cohort.name(), cases.size());
        if (cases.isEmpty()) {
          continue;
        }
        Instant received = now.minus(cohort.age());
        for (Phase phase : Phase.values()) {
          if (!cohort.reaches(phase)) {
            continue;
          }
          Instant at = received.plus(phase.after);
          if (at.isAfter(now)) {
            throw new IllegalStateException(cohort + " reaches " + phase + " after now");
          }
          ClockUtil.setCurrentTime(Date.from(at));
          inParallel(pool, cases, batch, i -> {
            if (phase == Phase.REGISTER) {
              caseNumbers[i - from] = register(i, received);
            } else {
              step(phase, i, caseNumbers[i - from], cohort, at);
            }
          });
        }
        // the caseworker takes the case's open tasks (investigation, plan, meeting, follow-up...)
        ClockUtil.setCurrentTime(Date.from(now));
        inParallel(pool, cases, batch, i -> claimOpenTasks(i, caseNumbers[i - from]));
      }
    } finally {
      pool.shutdown();
      ClockUtil.reset();
    }
    return counts;
  }

  private interface CaseWork {
    void run(int index) throws Exception;
  }

  private void inParallel(ExecutorService pool, List<Integer> cases, int batch, CaseWork work) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int start = 0; start < cases.size(); start += batch) {
      List<Integer> slice = cases.subList(start, Math.min(cases.size(), start + batch));
      futures.add(pool.submit(() -> {
        tx.executeWithoutResult(s -> {
          for (int i : slice) {
            try {
              work.run(i);
            } catch (RuntimeException ex) {
              throw ex;
            } catch (Exception ex) {
              throw new IllegalStateException(ex);
            }
          }
        });
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
  }

  private int teamIndex(int i) {
    return i / casesPerTeam;
  }

  private StaffMember worker(int i) {
    return member(caseworker(teamIndex(i), (i % casesPerTeam) % caseworkersPerTeam));
  }

  /**
   * A unique child for index {@code n}: born 240 days to about 16 years before today (a 4-9 century digit: born
   * 2000-2036), 5,600 birth dates with up to 6,000 serial numbers each.
   */
  static NewNotification.ChildInput child(int n) {
    LocalDate born = LocalDate.now(ZONE).minusDays(240 + n % 5600);
    String cpr = JourneySeeder.cpr(born, n / 5600); // refuses an index beyond 5,600 x 6,000
    return new NewNotification.ChildInput(cpr, "Barn" + n, "Efternavn" + (n % 97), born);
  }

  static NotifierKind notifier(int i) {
    return NOTIFIERS[i % NOTIFIERS.length];
  }

  private String register(int i, Instant received) {
    NotifierKind kind = notifier(i);
    NewNotification n = new NewNotification(child(i), kind, kind.professional() ? "Organisation " + (i % 50) : null,
        null, "Bekymring for barnets trivsel og udvikling (" + i + ").", received, team(teamIndex(i)));
    return intake.register(n, null, INTAKE_USER).caseNumber();
  }

  private void step(Phase phase, int i, String caseNumber, Cohort cohort, Instant at) {
    StaffMember worker = worker(i);
    LocalDate today = LocalDate.ofInstant(at, ZONE);
    int variant = i % 3;
    switch (phase) {
      case ACUTE -> complete(caseNumber, "Task_AcuteAssessment", member(INTAKE_USER), Map.of("outcome", "INVESTIGATE",
          "note", "Ingen akut fare; børnefaglig undersøgelse iværksættes."), true);
      case ACKNOWLEDGE -> complete(caseNumber, "Task_SendAcknowledgement", member(INTAKE_USER),
          Map.of("note", "Kvittering sendt."), false);
      case INVESTIGATE -> complete(caseNumber, "Task_Investigation", worker, cohort.placement()
          ? Map.of("findings", "Barnet kan ikke bo hjemme; slægt og netværk er undersøgt.",
              "youthPerspective", "Jeg vil bo hos min moster.", "riskLevel", "HIGH", "safeAtHome", false,
              "kinOrNetworkPossible", variant == 0, "youthWish", variant == 0 ? "KIN_OR_NETWORK" : "NO_WISH",
              "outcome", "INTERVENTION")
          : Map.of("findings", "Barnets ressourcer og behov er afdækket med skole, forældre og barnet selv.",
              "youthPerspective", "Jeg vil gerne blive boende hjemme.",
              "riskLevel", variant == 2 ? "HIGH" : variant == 1 ? "MODERATE" : "LOW", "safeAtHome", true,
              "kinOrNetworkPossible", false, "youthWish", "STAY_HOME", "outcome", "INTERVENTION"), true);
      case CHOOSE_STEP -> complete(caseNumber, "Task_ChooseStep", worker, Map.of(
          "stepKey", cohort.placement() ? PLACEMENTS[variant] : STEPS[variant],
          "description", "Indsats efter undersøgelsen; opfølgning på netværksmøder.",
          "plannedEnd", today.plusDays(365).toString(),
          "nextStepDownKey", cohort.placement() ? "HOME_BASED" : STEPS_DOWN[variant],
          "justification", "Valgt efter undersøgelsens fund og barnets og familiens ønsker.",
          "childNotHeardReason", "Barnets ønsker er hørt på hjemmebesøget under undersøgelsen."), true);
      case APPROVE -> complete(caseNumber, "Task_ApprovePlacement", member(leader(teamIndex(i))),
          Map.of("approved", true, "note", "Godkendt.", "childNotHeardReason", "Se valget af trin."), true);
      case PLAN -> complete(caseNumber, "Task_WriteActionPlan", worker, Map.of(
          "youthOwnWords", "Jeg vil gerne i skole hver dag og have en ven.",
          "goals", List.of(Map.of("title", "Stabilt skolefremmøde", "successCriterion", "Fremmøde over 90 %",
              "owner", "Skolen og forældrene", "targetDate", today.plusDays(120).toString(), "youthOwn", true,
              "subGoals", List.of(Map.of("title", "Fast morgenrutine", "targetDate", today.plusDays(30).toString()))),
              Map.of("title", "Fritidsaktivitet", "successCriterion", "Deltager hver uge",
                  "owner", "Barnet og kontaktpersonen", "targetDate", today.plusDays(180).toString(),
                  "youthOwn", false, "subGoals",
                  List.of(Map.of("title", "Prøve to klubber", "targetDate", today.plusDays(45).toString()))))),
          true);
      case MEETING_1, MEETING_2, MEETING_3 -> complete(caseNumber, "Task_HoldNetworkMeeting", worker, Map.of(
          "participants", List.of(Map.of("role", "YOUTH", "name", "Barnet"), Map.of("role", "PARENT", "name", "Mor"),
              Map.of("role", "SCHOOL", "name", "Klasselærer"), Map.of("role", "CASEWORKER", "name",
                  worker.displayName())),
          "goalProgress", List.of(), "youthSatisfaction", 1 + i % 5, "youthVoice", "Det går bedre.",
          "decision", "CONTINUE", "decisionNote", "Fortsætter; næste møde om otte uger."), true);
      case FOLLOW_UP -> complete(caseNumber, "Task_FollowUp", worker, Map.of("effective", true,
          "conclusion", "Indsatsen virker efter hensigten.", "nextInterval", "P6M"), true);
      case REGISTER -> throw new IllegalArgumentException("register is not a step");
    }
  }

  private void complete(String caseNumber, String taskKey, StaffMember user, Map<String, Object> payload,
      boolean required) {
    // a native query finds the task (the case's process and its called processes share the business key): the task
    // query builder costs more CPU than the rest of a step (see EngineTaskReads), and the list views of
    // CaseTaskService.tasksOfCase are not needed here
    Task task = engineTasks.createNativeTaskQuery().sql(JourneySeeder.OPEN_TASK_OF_CASE)
        .parameter("caseNumber", caseNumber).parameter("key", taskKey).list().stream().findFirst().orElse(null);
    if (task == null) {
      if (required) {
        throw new IllegalStateException("case " + caseNumber + " has no task " + taskKey);
      }
      return;
    }
    tasks.complete(task.getId(), json.valueToTree(payload), user);
  }

  private void claimOpenTasks(int i, String caseNumber) {
    StaffMember worker = worker(i);
    for (Task t : engineTasks.createNativeTaskQuery()
        .sql(JourneySeeder.OPEN_TASKS_OF_CASE + " and T.ASSIGNEE_ is null")
        .parameter("caseNumber", caseNumber).list()) {
      if (!NOT_FOR_CASEWORKERS.contains(t.getTaskDefinitionKey())) {
        tasks.claim(t.getId(), worker);
      }
    }
  }
}
