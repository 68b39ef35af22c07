package dk.trappen.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.api.TestStaff;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.tasks.CaseTaskService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds youth cases through the application's own services (intake, task completion), exactly as caseworkers would
 * move them: notification, acute assessment, acknowledgement, investigation, step chosen. Every case then runs an
 * intervention, with its action plan, first network meeting and first § 95 follow-up open, each guarded by a
 * deadline timer.
 *
 * <p>The engine clock is set to {@code at} for the whole run (several threads share it), so every case's deadlines
 * have the same due time: a burst.
 */
public final class JourneySeeder {

  private static final AtomicInteger CHILDREN = new AtomicInteger();

  private final IntakeService intake;
  private final CaseTaskService tasks;
  private final OrgService org;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final TaskService engineTasks;

  public JourneySeeder(ApplicationContext context) {
    this.intake = context.getBean(IntakeService.class);
    this.tasks = context.getBean(CaseTaskService.class);
    this.org = context.getBean(OrgService.class);
    this.json = context.getBean(ObjectMapper.class);
    this.tx = context.getBean(TransactionTemplate.class);
    this.engineTasks = context.getBean(TaskService.class);
    TestStaff.ensure(org, context.getBean(PasswordEncoder.class));
  }

  /** Seeds {@code count} cases with running interventions, all at instant {@code at}; returns their case numbers. */
  public List<String> interventionsRunning(int count, Instant seededAt, int threads) throws Exception {
    Instant at = seededAt.truncatedTo(ChronoUnit.MILLIS); // the engine clock's precision
    ClockUtil.setCurrentTime(Date.from(at));
    try {
      StaffMember ida = org.member("ida").orElseThrow();
      StaffMember karen = org.member("karen").orElseThrow();
      StaffMember sofie = org.member("sofie").orElseThrow();
      LocalDate today = LocalDate.ofInstant(at, ZoneId.of("Europe/Copenhagen"));
      List<String> seeded = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          boolean nord = i % 2 == 0;
          futures.add(pool.submit(() -> {
            seeded.add(seedOne(today, at, nord ? "nord" : "syd", ida, nord ? karen : sofie));
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      return seeded;
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Registers one notification received at {@code receivedAt} (the engine clock set to it meanwhile) and completes
   * nothing: its acute assessment and acknowledgement are open. Returns the case number.
   */
  public String notificationReceived(Instant receivedAt) {
    Instant at = receivedAt.truncatedTo(ChronoUnit.MILLIS);
    ClockUtil.setCurrentTime(Date.from(at));
    try {
      int n = CHILDREN.incrementAndGet();
      LocalDate born = LocalDate.ofInstant(at, ZoneId.of("Europe/Copenhagen")).minusYears(7).minusDays(n / 6000 % 1800);
      NewNotification notification = new NewNotification(
          new NewNotification.ChildInput(cpr(born, n % 6000), "Barn" + n, "Efternavn", born), NotifierKind.SCHOOL,
          "Skolen", null, "Bekymrende fravær.", at, "nord");
      String ida = org.member("ida").orElseThrow().username();
      return tx.execute(s -> intake.register(notification, null, ida)).caseNumber();
    } finally {
      ClockUtil.reset();
    }
  }

  private String seedOne(LocalDate today, Instant at, String team, StaffMember ida, StaffMember worker) {
    int n = CHILDREN.incrementAndGet();
    // children of 5 to 10 years: no age clock (youth plan at 16, aftercare at 18) comes due during a test. A CPR
    // number of a child born in 2000-2036 has 4-9 as its 7th digit: 6,000 numbers per birth date.
    LocalDate born = today.minusYears(5).minusDays(n / 6000 % 1800);
    String cpr = cpr(born, n % 6000);
    NewNotification notification = new NewNotification(
        new NewNotification.ChildInput(cpr, "Barn" + n, "Efternavn", born), NotifierKind.SCHOOL, "Skolen", null,
        "Bekymrende fravær og mistrivsel.", at, team);
    String caseNumber = tx.execute(s -> intake.register(notification, null, ida.username())).caseNumber();
    complete(caseNumber, "Task_AcuteAssessment", ida, Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_SendAcknowledgement", ida, Map.of());
    complete(caseNumber, "Task_Investigation", worker, Map.of(
        "findings", "Barnets ressourcer og behov er afdækket med skole, forældre og barnet selv.",
        "youthPerspective", "Jeg vil gerne blive boende hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
    complete(caseNumber, "Task_ChooseStep", worker, Map.of("stepKey", "PREVENTIVE",
        "description", "Familierådgivning hver 14. dag.", "plannedEnd", today.plusDays(365).toString(),
        "nextStepDownKey", "EARLY_HELP", "childNotHeardReason", "Barnet er for lille til en samtale."));
    return caseNumber;
  }

  /**
   * A valid CPR number of a child born {@code born} (2000-2036: century digit 4-9) with serial {@code serial}
   * (0-5999): 6,000 distinct numbers per birth date.
   */
  public static String cpr(LocalDate born, int serial) {
    if (serial < 0 || serial >= 6000) {
      throw new IllegalArgumentException("no CPR serial " + serial);
    }
    return DateTimeFormatter.ofPattern("ddMMyy").format(born) + (4 + serial / 1000)
        + String.format("%03d", serial % 1000);
  }

  /** Active tasks of the process instances with business key {@code #{caseNumber}} (a native task query). */
  public static final String OPEN_TASKS_OF_CASE = "select T.* from ACT_RU_TASK T join ACT_RU_EXECUTION E"
      + " on E.ID_ = T.PROC_INST_ID_ where E.BUSINESS_KEY_ = #{caseNumber} and T.SUSPENSION_STATE_ = 1";
  /** The active task {@code #{key}} of the process instances with business key {@code #{caseNumber}}. */
  public static final String OPEN_TASK_OF_CASE = OPEN_TASKS_OF_CASE + " and T.TASK_DEF_KEY_ = #{key}";

  private void complete(String caseNumber, String taskKey, StaffMember user, Map<String, Object> payload) {
    // a native query finds the task (the task query builder costs more CPU than the step itself, see
    // EngineTaskReads); CaseTaskService.tasksOfCase would also build list views seeding ignores
    Task task = engineTasks.createNativeTaskQuery().sql(OPEN_TASK_OF_CASE).parameter("caseNumber", caseNumber)
        .parameter("key", taskKey).list().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " has no task " + taskKey));
    tasks.complete(task.getId(), json.valueToTree(payload), user);
  }
}
