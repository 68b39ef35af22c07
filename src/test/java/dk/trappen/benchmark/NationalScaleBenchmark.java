package dk.trappen.benchmark;

import static dk.trappen.benchmark.BenchmarkReport.count;
import static dk.trappen.benchmark.BenchmarkReport.ms;
import static dk.trappen.benchmark.BenchmarkReport.perSecond;
import static dk.trappen.benchmark.BenchmarkReport.ratio;
import static dk.trappen.benchmark.BenchmarkReport.verdict;

import dk.trappen.TrappenApplication;
import dk.trappen.cluster.ClusterNodeProcess;
import dk.trappen.common.Paging;
import dk.trappen.common.ProcessVariables;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.EscalationNotices;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.oversight.OversightService;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.testsupport.JourneySeeder;
import dk.trappen.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmarks at national scale, as ratios against the bare engine or raw SQL on the same database: intake, a
 * caseworker's task list, a team leader's overdue view, a burst of network-meeting timers, startup time and resident
 * memory, on H2 and PostgreSQL, at each size of {@code trappen.benchmark.sizes} (seeded incrementally through the
 * services, see {@link BenchmarkSeeder}). Prints figures; asserts nothing about them.
 *
 * <p>Run: {@code mvn -Pbenchmark verify -Dtrappen.benchmark.sizes=10000,100000}. Results: stdout and
 * {@code target/benchmark/results.md}.
 */
class NationalScaleBenchmark {

  private static final List<Integer> SIZES = Arrays.stream(
          System.getProperty("trappen.benchmark.sizes", "10000,100000").split(","))
      .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).sorted().toList();
  private static final List<String> DATABASES = Arrays.stream(
      System.getProperty("trappen.benchmark.databases", "h2,postgres").split(",")).map(String::strip).toList();
  /** Timers in the burst; 0 skips the bursts (they do not depend on the sizes). */
  private static final int BURST = Integer.getInteger("trappen.benchmark.burst", 10_000);
  /** H2 (the embedded default, not a national database) may be measured at smaller sizes: it seeds slower. */
  private static final List<Integer> H2_SIZES = Arrays.stream(
          System.getProperty("trappen.benchmark.h2-sizes", SIZES.stream().map(String::valueOf)
              .collect(java.util.stream.Collectors.joining(","))).split(","))
      .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).sorted().toList();
  private static final int H2_BURST = Integer.getInteger("trappen.benchmark.h2-burst", BURST);
  private static final int INTAKE = Integer.getInteger("trappen.benchmark.intake", 1000);
  private static final int SAMPLES = Integer.getInteger("trappen.benchmark.samples", 300);
  private static final int WARMUP = Integer.getInteger("trappen.benchmark.warmup", 100);
  private static final int THREADS = Integer.getInteger("trappen.benchmark.threads", 4);
  private static final int BATCH = Integer.getInteger("trappen.benchmark.batch", 5);
  private static final int CASES_PER_TEAM = Integer.getInteger("trappen.benchmark.cases-per-team", 132);
  private static final int CASEWORKERS_PER_TEAM = Integer.getInteger("trappen.benchmark.caseworkers-per-team", 6);
  private static final List<String> NODE_JVM = List.of(
      System.getProperty("trappen.benchmark.node-heap", "-Xmx1g"), "-XX:+UseG1GC");
  /** The production job executor (config/application-postgres.yml), also given to H2 nodes so both compare. */
  private static final List<String> JOB_EXECUTOR = List.of(
      "--camunda.bpm.job-execution.enabled=true",
      "--camunda.bpm.job-execution.core-pool-size=4", "--camunda.bpm.job-execution.max-pool-size=8",
      "--camunda.bpm.job-execution.queue-capacity=8", "--camunda.bpm.job-execution.max-jobs-per-acquisition=8",
      "--camunda.bpm.job-execution.lock-time-in-millis=60000", "--camunda.bpm.job-execution.wait-time-in-millis=5000",
      "--camunda.bpm.job-execution.max-wait=30000", "--camunda.bpm.job-execution.backoff-time-in-millis=50",
      "--camunda.bpm.job-execution.max-backoff=200");
  /**
   * A burst node polls an idle database every half second (production: 5 s growing to 30 s), so that every node sees
   * the released burst at once; once jobs are found the job executor acquires without waiting either way.
   */
  private static final List<String> BURST_NODE = List.of("--camunda.bpm.job-execution.wait-time-in-millis=500",
      "--camunda.bpm.job-execution.max-wait=500");
  /** Extra arguments for every node of a burst (to compare job executor settings), space-separated. */
  private static final List<String> NODE_ARGS = Arrays.stream(
      System.getProperty("trappen.benchmark.node-args", "").split(" ")).filter(a -> !a.isBlank()).toList();
  /**
   * An already seeded PostgreSQL database (user {@code postgres}, no password): only its read views and intake are
   * measured, as the one size of {@code trappen.benchmark.sizes}; nothing is seeded and no burst runs.
   */
  private static final String SEEDED_URL = System.getProperty("trappen.benchmark.seeded-url", "").strip();
  private static final String PG_USER = "postgres";
  private static final Path DIR = Path.of("target", "benchmark").toAbsolutePath();
  private static final String INTAKE_TEAM = "bench-intake-team";
  private static final String BARE_TASK_PROCESS = "bench-bare-usertask";
  private static final String NOOP_TIMER_PROCESS = "noop-timer";

  private final BenchmarkReport report = new BenchmarkReport();
  /** The sizes and the burst of the database being measured. */
  private List<Integer> sizes;
  private int burst;
  private TestPostgres postgres;

  enum Db {
    H2("H2"), POSTGRES("PostgreSQL");

    final String label;

    Db(String label) {
      this.label = label;
    }
  }

  /** The figures of one size, kept for the growth ratios. */
  private record SizeFigures(double taskListP95, double rawTaskListP95, double lateP95, double rawLateP95) {
  }

  @Test
  void national_scale() throws Exception {
    Files.createDirectories(DIR);
    report.header(String.format(Locale.ROOT, "Sizes %s open cases, burst %s timers, intake %,d notifications, "
            + "%d samples after %d warm-up calls, %d threads, %d cases per team (%d caseworkers), %d cores, %s.",
        SIZES + (H2_SIZES.equals(SIZES) ? "" : " (H2: " + H2_SIZES + ")"),
        BURST + (H2_BURST == BURST ? "" : " (H2: " + H2_BURST + ")"), INTAKE, SAMPLES, WARMUP, THREADS, CASES_PER_TEAM, CASEWORKERS_PER_TEAM,
        Runtime.getRuntime().availableProcessors(), Instant.now()));
    report.header("Ratios first (Trappen / baseline for rates, Trappen / baseline for times); targets are reported, "
        + "never asserted. Child nodes: " + String.join(" ", NODE_JVM) + ", job executor as in application-postgres.yml.");
    if (!SEEDED_URL.isEmpty()) {
      readsOnly();
      return;
    }
    try {
      for (String name : DATABASES) {
        Db db = name.equalsIgnoreCase("h2") ? Db.H2 : Db.POSTGRES;
        if (db == Db.POSTGRES && postgres == null) {
          postgres = TestPostgres.start();
        }
        sizes = db == Db.H2 ? H2_SIZES : SIZES;
        burst = db == Db.H2 ? H2_BURST : BURST;
        sizes(db);
        if (burst > 0) {
          bursts(db);
        }
      }
    } finally {
      System.out.println(report.text());
      report.write(DIR.resolve("results.md"));
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private void readsOnly() throws Exception {
    String sz = count(SIZES.get(0));
    try (ConfigurableApplicationContext app = open(Db.POSTGRES, SEEDED_URL, "bench-reads")) {
      new JdbcTemplate(app.getBean(DataSource.class)).execute("analyze");
      readViews(app, Db.POSTGRES, sz, busiestCaseworker(app));
      intake(app, Db.POSTGRES, sz, 9);
      report.row(Db.POSTGRES.label, sz, "database contents", "", "", databaseContents(app), "");
    } finally {
      System.out.println(report.text());
      report.write(DIR.resolve("results-reads.md"));
    }
  }

  // ------------------------------------------------------------------ sizes

  private void sizes(Db db) throws Exception {
    String url = db == Db.H2 ? h2Url("bench") : postgres.createDatabase("bench");
    Map<Integer, SizeFigures> figures = new LinkedHashMap<>();
    String measuredCaseworker = null;
    int seeded = 0;
    for (int sizeIndex = 0; sizeIndex < sizes.size(); sizeIndex++) {
      int size = sizes.get(sizeIndex);
      String sz = count(size);
      try (ConfigurableApplicationContext app = open(db, url, "bench-seeder")) {
        BenchmarkSeeder seeder = new BenchmarkSeeder(app, CASES_PER_TEAM, CASEWORKERS_PER_TEAM);
        long start = System.nanoTime();
        seeder.seed(seeded, size, Instant.now(), THREADS, BATCH);
        double seconds = seconds(start);
        report.row(db.label, sz, "seeding " + count(size - seeded) + " cases through the services", "", "",
            perSecond((size - seeded) / seconds) + String.format(Locale.ROOT, " (%.0f s)", seconds), "");
        seeded = size;
        drain(app, db, sz);
        // fresh planner statistics after a bulk load, as autovacuum (PostgreSQL) would soon have them; otherwise the
        // planner may choose scans for the raw SQL baselines as well as for the application's queries
        new JdbcTemplate(app.getBean(DataSource.class)).execute("analyze");

        if (measuredCaseworker == null) {
          measuredCaseworker = busiestCaseworker(app);
        }
        figures.put(size, readViews(app, db, sz, measuredCaseworker));
        intake(app, db, sz, sizeIndex);
        report.row(db.label, sz, "database contents", "", "", databaseContents(app), "");
      }
      startup(db, url, sz);
    }
    if (figures.size() >= 2) {
      SizeFigures first = figures.values().iterator().next();
      SizeFigures last = figures.get(sizes.get(sizes.size() - 1));
      String growth = count(sizes.get(0)) + " -> " + count(sizes.get(sizes.size() - 1));
      double taskGrowth = last.taskListP95() / first.taskListP95();
      double lateGrowth = last.lateP95() / first.lateP95();
      report.row(db.label, growth, "task list p95 growth", ratio(taskGrowth) + verdict(taskGrowth, 1.5, false),
          "<= 1.5", ms(first.taskListP95()) + " -> " + ms(last.taskListP95()),
          "raw SQL " + ms(first.rawTaskListP95()) + " -> " + ms(last.rawTaskListP95()));
      report.row(db.label, growth, "overdue view (late) p95 growth", ratio(lateGrowth) + verdict(lateGrowth, 1.5,
              false), "<= 1.5", ms(first.lateP95()) + " -> " + ms(last.lateP95()),
          "raw SQL " + ms(first.rawLateP95()) + " -> " + ms(last.rawLateP95()));
    }
  }

  /** Runs every job that came due while the seeder moved the clock (escalations...), as a running node would have. */
  private void drain(ConfigurableApplicationContext app, Db db, String sz) throws Exception {
    ManagementService management = app.getBean(ManagementService.class);
    long start = System.nanoTime();
    int executed = 0;
    int failed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 100; round++) {
        List<String> ids = management.createJobQuery().executable().listPage(0, 2000).stream().map(Job::getId)
            .toList();
        if (ids.isEmpty()) {
          break;
        }
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (String id : ids) {
          futures.add(pool.submit(() -> {
            try {
              management.executeJob(id);
              ok.incrementAndGet();
            } catch (RuntimeException e) {
              bad.incrementAndGet();
            }
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        executed += ok.get();
        failed += bad.get();
        if (ok.get() == 0) {
          break;
        }
      }
    } finally {
      pool.shutdown();
    }
    double seconds = seconds(start);
    EscalationNotices notices = app.getBean(EscalationNotices.class);
    int sent = 0;
    for (int n; (n = notices.dispatchDue()) > 0; ) {
      sent += n;
    }
    report.row(db.label, sz, "due jobs run after seeding (escalations, age clocks)", "", "",
        count(executed) + " in " + String.format(Locale.ROOT, "%.1f s", seconds)
            + (seconds > 0 ? " = " + perSecond(executed / seconds) : "") + (failed > 0 ? ", " + failed + " failed" : ""),
        count(sent) + " notices sent");
  }

  /** The team-0 caseworker with the most tasks (about 40 with the defaults): measured at every size. */
  private static String busiestCaseworker(ConfigurableApplicationContext app) {
    CaseTaskService tasks = app.getBean(CaseTaskService.class);
    OrgService org = app.getBean(OrgService.class);
    return org.caseworkers(BenchmarkSeeder.team(0)).stream()
        .max(Comparator.comparingLong(m -> tasks.tasksFor(m, null, null, FIRST_PAGE).getTotalElements()))
        .map(StaffMember::username).orElseThrow();
  }

  private SizeFigures readViews(ConfigurableApplicationContext app, Db db, String sz, String caseworkerName) {
    CaseTaskService tasks = app.getBean(CaseTaskService.class);
    OversightService oversight = app.getBean(OversightService.class);
    DeadlineRegister deadlines = app.getBean(DeadlineRegister.class);
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    OrgService org = app.getBean(OrgService.class);
    StaffMember caseworker = org.member(caseworkerName).orElseThrow();
    String team = caseworker.teamCode();
    String group = caseworker.candidateGroups().get(0);

    // task list: the service's first page against one indexed SQL read of the same rows (task, case number, child,
    // due date), limited to a page as well
    int serviceRows = tasks.tasksFor(caseworker, null, null, FIRST_PAGE).getNumberOfElements();
    Supplier<Integer> raw = () -> jdbc.queryForList(TASK_LIST_SQL, caseworker.username(), group).size();
    int rawRows = raw.get();
    long[] service = sample(() -> tasks.tasksFor(caseworker, null, null, FIRST_PAGE));
    long[] sql = sample(raw);
    double taskRatio = p(service, 95) / p(sql, 95);
    report.row(db.label, sz, "task list p95 (" + serviceRows + " tasks; tasksFor vs raw SQL, " + rawRows + " rows)",
        ratio(taskRatio) + verdict(taskRatio, 2, false), "<= 2", times(service), times(sql));

    // overdue and at-risk view of the team leader
    Supplier<Integer> rawLate = () -> jdbc.queryForList(db == Db.H2 ? LATE_SQL_H2 : LATE_SQL, team, Timestamp.from(Instant.now())).size();
    int lateRows = rawLate.get();
    long[] late = sample(() -> oversight.late(team, null));
    long[] overview = sample(() -> oversight.overview(team, null, FIRST_PAGE, FIRST_PAGE));
    long[] register = sample(() -> deadlines.atRiskOrOverdue(List.of(team), null));
    long[] lateSql = sample(rawLate);
    double lateRatio = p(late, 95) / p(lateSql, 95);
    double overviewRatio = p(overview, 95) / p(lateSql, 95);
    double registerRatio = p(register, 95) / p(lateSql, 95);
    report.row(db.label, sz, "overdue view p95: OversightService.late (" + lateRows + " rows) vs raw SQL",
        ratio(lateRatio) + verdict(lateRatio, 3, false), "<= 3", times(late), times(lateSql));
    report.row(db.label, sz, "overdue page p95: OversightService.overview vs raw SQL",
        ratio(overviewRatio) + verdict(overviewRatio, 3, false), "<= 3", times(overview), times(lateSql));
    report.row(db.label, sz, "DeadlineRegister.atRiskOrOverdue p95 vs raw SQL",
        ratio(registerRatio) + verdict(registerRatio, 3, false), "<= 3", times(register), times(lateSql));

    // the case search, next to the task list
    CaseSearchMeasures.measure(app, report, db.label, sz, caseworker,
        org.member(BenchmarkSeeder.INTAKE_USER).orElseThrow(), CaseSearchMeasures.probe(app, caseworker),
        NationalScaleBenchmark::sample);
    return new SizeFigures(p(service, 95), p(sql, 95), p(late, 95), p(lateSql, 95));
  }

  /** The task list's first page, as the API and the page read it. */
  private static final Pageable FIRST_PAGE = PageRequest.of(0, Paging.DEFAULT_SIZE);

  /** A caseworker's task list (its first page) in one statement: own tasks and the team's unassigned ones, with case and due date. */
  private static final String TASK_LIST_SQL = """
      select t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.CREATE_TIME_, t.ASSIGNEE_, t.EXECUTION_ID_, c.case_number,
             ch.first_name, ch.last_name, ch.cpr, d.due_at, d.kind
      from (select ID_, NAME_, TASK_DEF_KEY_, CREATE_TIME_, ASSIGNEE_, EXECUTION_ID_, PROC_INST_ID_, DUE_DATE_
            from ACT_RU_TASK where ASSIGNEE_ = ? and SUSPENSION_STATE_ = 1
            union all
            select t2.ID_, t2.NAME_, t2.TASK_DEF_KEY_, t2.CREATE_TIME_, t2.ASSIGNEE_, t2.EXECUTION_ID_,
                   t2.PROC_INST_ID_, t2.DUE_DATE_
            from ACT_RU_IDENTITYLINK i join ACT_RU_TASK t2 on t2.ID_ = i.TASK_ID_
            where i.GROUP_ID_ = ? and i.TYPE_ = 'candidate' and t2.ASSIGNEE_ is null and t2.SUSPENSION_STATE_ = 1) t
      join ACT_RU_EXECUTION pi on pi.ID_ = t.PROC_INST_ID_
      left join youth_case c on c.case_number = pi.BUSINESS_KEY_
      left join child ch on ch.id = c.child_id
      left join deadline d on d.execution_id = t.EXECUTION_ID_ and d.met_at is null and d.cancelled_at is null
      order by coalesce(d.due_at, t.DUE_DATE_), t.CREATE_TIME_
      limit 50""";

  /**
   * The team's open deadlines at risk or overdue now, with the case's caseworker and child. The case is joined
   * laterally: with plain joins PostgreSQL expected about 190 late rows at 10,000 cases where there were 18, and
   * hashed the whole case table (28 ms against 0.7 ms laterally, EXPLAIN ANALYZE) - the baseline must be the fast
   * statement. H2 plans the plain joins well ({@link #LATE_SQL_H2}).
   */
  private static final String LATE_SQL = """
      select d.id, d.case_number, d.kind, d.execution_id, d.due_at, d.at_risk_from, d.escalated_at, c.caseworker,
             c.first_name, c.last_name
      from deadline d
      left join lateral (select c.caseworker, ch.first_name, ch.last_name
                         from youth_case c join child ch on ch.id = c.child_id
                         where c.case_number = d.case_number) c on true
      where d.team_code = ? and d.met_at is null and d.cancelled_at is null and d.at_risk_from <= ?
      order by d.due_at""";

  private static final String LATE_SQL_H2 = """
      select d.id, d.case_number, d.kind, d.execution_id, d.due_at, d.at_risk_from, d.escalated_at, c.caseworker,
             ch.first_name, ch.last_name
      from deadline d
      left join youth_case c on c.case_number = d.case_number
      left join child ch on ch.id = c.child_id
      where d.team_code = ? and d.met_at is null and d.cancelled_at is null and d.at_risk_from <= ?
      order by d.due_at""";

  /** Registrations per second through the service against starting a one-user-task process on the bare engine. */
  private void intake(ConfigurableApplicationContext app, Db db, String sz, int sizeIndex) throws Exception {
    OrgService org = app.getBean(OrgService.class);
    if (!org.teamExists(INTAKE_TEAM)) {
      org.createTeam(INTAKE_TEAM, "Benchmark intake");
    }
    IntakeService intake = app.getBean(IntakeService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TransactionTemplate tx = app.getBean(TransactionTemplate.class);
    app.getBean(RepositoryService.class).createDeployment().name("benchmark-bare-usertask")
        .enableDuplicateFiltering(false)
        .addModelInstance(BARE_TASK_PROCESS + ".bpmn", Bpmn.createExecutableProcess(BARE_TASK_PROCESS)
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Bare").camundaCandidateGroups("bench-bare")
            .endEvent().done())
        .deploy();
    // children never seeded elsewhere: serial numbers from 3,000 up (see BenchmarkSeeder.child)
    int base = 3000 * 5600 + (sizeIndex * 2 + (db == Db.H2 ? 0 : 1)) * 100_000;
    AtomicInteger next = new AtomicInteger(base);
    Instant received = Instant.now().minusSeconds(60);
    Runnable register = () -> {
      int n = next.getAndIncrement();
      NotifierKind kind = BenchmarkSeeder.notifier(n);
      tx.executeWithoutResult(s -> intake.register(new NewNotification(BenchmarkSeeder.child(n), kind,
          kind.professional() ? "Skolen" : null, null, "Bekymring (" + n + ").", received, INTAKE_TEAM), null,
          BenchmarkSeeder.INTAKE_USER));
    };
    AtomicInteger bare = new AtomicInteger();
    Runnable start = () -> {
      int n = bare.getAndIncrement();
      tx.executeWithoutResult(s -> runtime.startProcessInstanceByKey(BARE_TASK_PROCESS, "bare-" + sizeIndex + "-" + n,
          Map.of("caseId", (long) n, "teamGroup", "bench-bare", "receivedAt", java.util.Date.from(received))));
    };
    int warm = Math.min(50, INTAKE / 5);
    rate(register, warm);
    rate(start, warm);
    DataSource ds = app.getBean(DataSource.class);
    long[] rows0 = rowsWritten(db, ds);
    double bareRate = rate(start, INTAKE);
    long[] rows1 = rowsWritten(db, ds);
    double appRate = rate(register, INTAKE);
    long[] rows2 = rowsWritten(db, ds);
    double r = appRate / bareRate;
    report.row(db.label, sz, "intake: IntakeService.register vs bare one-user-task process start",
        ratio(r) + verdict(r, 0.5, true), ">= 0.5", perSecond(appRate), perSecond(bareRate));
    if (db == Db.POSTGRES) {
      report.row(db.label, sz, "intake: rows written per registration (inserted + updated, all tables)", "", "",
          rowsPer(rows1, rows2, INTAKE), rowsPer(rows0, rows1, INTAKE));
    }
  }

  /**
   * Rows inserted and updated in the database so far (PostgreSQL's statistics), to tell how much database work an
   * operation is; null on H2. Every other connection to the database must be closed or idle in a pool.
   */
  private static long[] rowsWritten(Db db, DataSource ds) throws InterruptedException {
    if (db != Db.POSTGRES) {
      return null;
    }
    // PostgreSQL 14's backends report their counts at most every 500 ms, and always when they exit: close the pool's
    // connections, so that every count of the operation measured has arrived
    if (ds instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
      hikari.getHikariPoolMXBean().softEvictConnections();
    }
    Thread.sleep(1500);
    return new JdbcTemplate(ds).query("select coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables",
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
  }

  private static String rowsPer(long[] before, long[] after, long operations) {
    return String.format(Locale.ROOT, "%.1f inserted + %.1f updated", (after[0] - before[0]) / (double) operations,
        (after[1] - before[1]) / (double) operations);
  }

  /** Runs {@code n} operations on {@link #THREADS} threads; returns operations per second. */
  private static double rate(Runnable op, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(op));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return n / seconds(start);
    } finally {
      pool.shutdown();
    }
  }

  private static String databaseContents(ConfigurableApplicationContext app) {
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    return String.format(Locale.ROOT, "%,d open cases, %,d tasks, %,d deadline rows (%,d open), %,d jobs, "
            + "%,d interventions, %,d meetings",
        jdbc.queryForObject("select count(*) from youth_case where status <> 'CLOSED'", Long.class),
        jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class),
        jdbc.queryForObject("select count(*) from deadline", Long.class),
        jdbc.queryForObject("select count(*) from deadline where met_at is null and cancelled_at is null",
            Long.class),
        jdbc.queryForObject("select count(*) from ACT_RU_JOB", Long.class),
        jdbc.queryForObject("select count(*) from intervention", Long.class),
        jdbc.queryForObject("select count(*) from network_meeting", Long.class));
  }

  // ------------------------------------------------------------------ startup and memory

  private void startup(Db db, String url, String sz) throws Exception {
    ClusterNodeProcess node = node(db, url, "startup-" + db.name().toLowerCase() + "-" + sz.replace(",", ""));
    try {
      awaitStarted(node, Duration.ofMinutes(10));
      double wall = seconds(node.launchedAtNanos());
      long rss = status(node.pid(), "VmRSS");
      Thread.sleep(5000);
      long rssLater = status(node.pid(), "VmRSS");
      long peak = status(node.pid(), "VmHWM");
      Matcher m = Pattern.compile("Started TrappenApplication in ([0-9.]+) seconds").matcher(node.output());
      String reported = m.find() ? m.group(1) + " s reported by Spring" : "";
      report.row(db.label, sz, "startup time (child JVM, to 'Started') / resident memory", "", "",
          String.format(Locale.ROOT, "%.1f s wall, %s", wall, reported),
          String.format(Locale.ROOT, "VmRSS %d MB at start, %d MB 5 s later, VmHWM %d MB", rss / 1024,
              rssLater / 1024, peak / 1024));
    } finally {
      node.stop();
    }
  }

  /** A field of /proc/<pid>/status in kB. */
  private static long status(long pid, String field) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
      return lines.filter(l -> l.startsWith(field + ":"))
          .map(l -> l.replaceAll("[^0-9]", ""))
          .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }
  }

  // ------------------------------------------------------------------ timer bursts

  private void bursts(Db db) throws Exception {
    if (db == Db.H2) {
      String bare = h2Url("burst-bare");
      prepareBare(db, bare);
      String app = h2Url("burst-app");
      prepareApp(db, app);
      burst(db, bare, app, 1);
    } else {
      String bareTemplate = postgres.createDatabase("burst_bare");
      prepareBare(db, bareTemplate);
      String appTemplate = postgres.createDatabase("burst_app");
      prepareApp(db, appTemplate);
      for (int nodes = 1; nodes <= 2; nodes++) {
        burst(db, copy(bareTemplate, "bare" + nodes), copy(appTemplate, "app" + nodes), nodes);
      }
      double one = burstRates.getOrDefault(1, Double.NaN);
      double two = burstRates.getOrDefault(2, Double.NaN);
      double r = two / one;
      report.row(db.label, count(burst), "timer burst, two nodes vs one (Trappen timers/s)",
          ratio(r) + verdict(r, 0.9, true), ">= 0.9", perSecond(two) + " (2 nodes)", perSecond(one) + " (1 node)");
    }
  }

  private final Map<Integer, Double> burstRates = new LinkedHashMap<>();

  /** The bare engine: a no-op process (timer -> end) whose {@link #burst} timers are due now. */
  private void prepareBare(Db db, String url) throws Exception {
    try (ConfigurableApplicationContext app = open(db, url, "burst-bare-seeder")) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(NOOP_TIMER_PROCESS).camundaHistoryTimeToLive(1)
          .startEvent().intermediateCatchEvent("Timer_Noop").timerWithDate("2000-01-01T00:00:00").endEvent().done();
      app.getBean(RepositoryService.class).createDeployment().name("benchmark-noop-timer")
          .addModelInstance(NOOP_TIMER_PROCESS + ".bpmn", model).deploy();
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TransactionTemplate tx = app.getBean(TransactionTemplate.class);
      AtomicInteger next = new AtomicInteger();
      int batches = (burst + 99) / 100;
      rate(() -> tx.executeWithoutResult(s -> {
        for (int i = 0; i < 100; i++) {
          int n = next.getAndIncrement();
          if (n < burst) {
            runtime.startProcessInstanceByKey(NOOP_TIMER_PROCESS, "noop-" + n);
          }
        }
      }), batches);
    }
    BurstRelease.hold(url, db == Db.H2 ? "sa" : PG_USER, NOOP_TIMER_PROCESS);
  }

  /**
   * Trappen: {@link #burst} cases whose first network meeting came due at the end of yesterday (P56D counts days, so
   * an intervention started 57 days ago has it due at the end of its 56th day), nothing else due.
   */
  private void prepareApp(Db db, String url) throws Exception {
    try (ConfigurableApplicationContext app = open(db, url, "burst-app-seeder")) {
      long start = System.nanoTime();
      new JourneySeeder(app).interventionsRunning(burst, Instant.now().minus(Duration.ofDays(57)), THREADS);
      double seconds = seconds(start);
      report.row(db.label, count(burst), "seeding burst cases (JourneySeeder, intervention running)", "", "",
          perSecond(burst / seconds) + String.format(Locale.ROOT, " (%.0f s)", seconds), "");
    }
    BurstRelease.hold(url, db == Db.H2 ? "sa" : PG_USER, ProcessVariables.PROCESS_YOUTH_CASE);
  }

  private void burst(Db db, String bareUrl, String appUrl, int nodes) throws Exception {
    Instant now = Instant.now();
    BurstResult bare = runBurst(db, bareUrl, nodes, "bare", NOOP_TIMER_PROCESS, now,
        "select max(END_TIME_), count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = '"
            + NOOP_TIMER_PROCESS + "' and END_TIME_ >= ?");
    BurstResult app = runBurst(db, appUrl, nodes, "app", ProcessVariables.PROCESS_YOUTH_CASE, now,
        "select max(escalated_at), count(*) from deadline where escalated_at >= ?");
    burstRates.put(nodes, app.rate());
    double r = app.rate() / bare.rate();
    report.row(db.label, count(burst), "timer burst, " + nodes + " node" + (nodes > 1 ? "s" : "")
            + ": network-meeting escalations vs bare no-op timers", ratio(r) + verdict(r, 0.5, true), ">= 0.5",
        app.describe(), bare.describe());
    report.row(db.label, count(burst), "CPU per timer, " + nodes + " node" + (nodes > 1 ? "s" : "")
            + " (Trappen vs bare; for the N-node model)", "", "", app.cpu(db), bare.cpu(db));
  }

  /**
   * A burst as measured: {@code done} timers completed in the {@code processingSeconds} from the moment every node had
   * started to the last completion (a second node's start-up must not count against the nodes running together), and
   * the CPU the nodes and the database server used in that time.
   */
  private record BurstResult(long due, long done, double processingSeconds, double wallSeconds, double nodeCpuMs,
                             double dbCpuMs, String rows) {
    double rate() {
      return processingSeconds > 0 ? done / processingSeconds : Double.NaN;
    }

    String describe() {
      return String.format(Locale.ROOT, "%s (%,d of %,d in %.1f s after every node was up; %.1f s from launch)",
          perSecond(rate()), done, due, processingSeconds, wallSeconds);
    }

    String cpu(Db db) {
      return db == Db.H2 ? String.format(Locale.ROOT, "node %.2f ms (database in the node)", nodeCpuMs / done)
          : String.format(Locale.ROOT, "node %.2f ms + PostgreSQL %.2f ms", nodeCpuMs / done, dbCpuMs / done) + rows;
    }
  }

  /**
   * Starts the nodes on a database whose timers are due, waits until no timer due at {@code at} is left, and takes
   * the processing window from the data ({@code windowSql}: last completion and count of completions since every node
   * was up).
   */
  private BurstResult runBurst(Db db, String url, int nodes, String kind, String processKey, Instant at,
      String windowSql) throws Exception {
    String dueSql = "select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and DUEDATE_ <= ?";
    long due = query(db, url, dueSql, at);
    List<ClusterNodeProcess> started = new ArrayList<>();
    try {
      for (int i = 0; i < nodes; i++) {
        started.add(node(db, url, "burst-" + db.name().toLowerCase() + "-" + kind + "-" + nodes + "n-" + i));
      }
      for (ClusterNodeProcess node : started) {
        awaitStarted(node, Duration.ofMinutes(10));
      }
      Thread.sleep(2000); // the nodes' first (empty) job acquisitions
      long[] rows0 = db == Db.POSTGRES ? rowsWritten(db, simpleDataSource(url)) : null;
      double nodeCpu0 = started.stream().mapToDouble(n -> ProcessCpu.ofPid(n.pid())).sum();
      double dbCpu0 = db == Db.POSTGRES ? ProcessCpu.ofPostgres() : 0;
      Instant allUp = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      BurstRelease.release(url, db == Db.H2 ? "sa" : PG_USER, processKey);
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (query(db, url, dueSql, at) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("burst " + kind + " did not finish in 30 minutes");
        }
        if (started.stream().anyMatch(n -> !n.alive())) {
          throw new IllegalStateException("a node died:\n" + started.get(0).output());
        }
        Thread.sleep(250);
      }
      double wall = seconds(started.get(0).launchedAtNanos());
      double nodeCpu = started.stream().mapToDouble(n -> ProcessCpu.ofPid(n.pid())).sum() - nodeCpu0;
      double dbCpu = db == Db.POSTGRES ? ProcessCpu.ofPostgres() - dbCpu0 : 0;
      for (ClusterNodeProcess node : started) {
        node.stop(); // their backends exit and report their counts
      }
      long[] rows1 = db == Db.POSTGRES ? rowsWritten(db, simpleDataSource(url)) : null;
      try (Connection c = connect(db, url); PreparedStatement s = c.prepareStatement(windowSql)) {
        s.setTimestamp(1, Timestamp.from(allUp));
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          Timestamp last = rs.getTimestamp(1);
          long done = rs.getLong(2);
          double window = last == null ? Double.NaN : (last.getTime() - allUp.toEpochMilli()) / 1000.0;
          return new BurstResult(due, done, window, wall, nodeCpu, dbCpu,
              rows0 == null ? "" : ", " + rowsPer(rows0, rows1, done) + " rows");
        }
      }
    } finally {
      for (ClusterNodeProcess node : started) {
        node.stop();
      }
    }
  }

  private String copy(String templateUrl, String suffix) throws SQLException {
    String template = templateUrl.substring(templateUrl.lastIndexOf('/') + 1);
    String name = template + "_" + suffix;
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PG_USER, "");
         Statement s = c.createStatement()) {
      s.execute("create database " + name + " template " + template);
    }
    return postgres.jdbcUrl(name);
  }

  // ------------------------------------------------------------------ plumbing

  static String h2Url(String name) throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("h2-" + name + ".")).toList()) {
        Files.delete(f);
      }
    }
    // as shipped (config/application.yml): each commit written before it returns
    return "jdbc:h2:file:" + DIR.resolve("h2-" + name) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  /** The application in this JVM without a job executor (seeding, reads, intake). */
  static ConfigurableApplicationContext open(Db db, String url, String node) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=" + (db == Db.H2 ? "bench" : "postgres"),
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + (db == Db.H2 ? "sa" : PG_USER),
        "--spring.datasource.password=",
        "--trappen.node-name=" + node,
        "--trappen.demo.enabled=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--trappen.notices.enabled=false",
        // the webapps keep a static servlet context: one per JVM
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=0",
        "--logging.level.root=WARN",
        "--logging.level.dk.trappen=WARN"));
    return new SpringApplicationBuilder(TrappenApplication.class).run(args.toArray(String[]::new));
  }

  /** A node as its own JVM: production settings on PostgreSQL; on H2 the embedded default without demo data. */
  private ClusterNodeProcess node(Db db, String url, String name) throws IOException {
    Path logs = DIR.resolve("nodes");
    if (db == Db.POSTGRES) {
      List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=0"));
      if (name.startsWith("burst")) {
        args = overriding(args, BURST_NODE, NODE_ARGS);
      }
      return ClusterNodeProcess.start(name, logs, NODE_JVM, args, Map.of("TRAPPEN_DB_URL", url,
          "TRAPPEN_DB_USERNAME", PG_USER, "TRAPPEN_DB_PASSWORD", "", "TRAPPEN_NODE_NAME", name));
    }
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=bench", "--spring.datasource.url=" + url,
        "--trappen.demo.enabled=false", "--trappen.node-name=" + name, "--server.port=0"));
    args.addAll(JOB_EXECUTOR);
    if (name.startsWith("burst")) {
      args = overriding(args, BURST_NODE, NODE_ARGS);
    }
    return ClusterNodeProcess.start(name, logs, NODE_JVM, args, Map.of());
  }

  /** Command-line arguments where a later {@code --key=value} replaces an earlier one (Spring would join them). */
  @SafeVarargs
  private static List<String> overriding(List<String>... lists) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (List<String> list : lists) {
      for (String arg : list) {
        byKey.put(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg, arg);
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static void awaitStarted(ClusterNodeProcess node, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!node.started()) {
      if (!node.alive() || System.nanoTime() > deadline) {
        String out = node.output();
        throw new IllegalStateException("node did not start:\n" + out.substring(Math.max(0, out.length() - 5000)));
      }
      Thread.sleep(50);
    }
  }

  private DataSource simpleDataSource(String url) {
    return new org.springframework.jdbc.datasource.DriverManagerDataSource(url, PG_USER, "");
  }

  private Connection connect(Db db, String url) throws SQLException {
    return db == Db.H2 ? DriverManager.getConnection(url, "sa", "")
        : DriverManager.getConnection(url, PG_USER, "");
  }

  private long query(Db db, String url, String sql, Instant at) throws SQLException {
    try (Connection c = connect(db, url); PreparedStatement s = c.prepareStatement(sql)) {
      s.setTimestamp(1, Timestamp.from(at));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long[] sample(Supplier<?> op) {
    // at least WARMUP calls and two seconds, so that the JIT has compiled the path being measured
    long warmUntil = System.nanoTime() + 2_000_000_000L;
    for (int i = 0; i < WARMUP || System.nanoTime() < warmUntil; i++) {
      op.get();
    }
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      op.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  static double p(long[] sorted, int percentile) {
    return sorted[(int) Math.ceil(percentile / 100.0 * sorted.length) - 1];
  }

  static String times(long[] sorted) {
    return "p95 " + ms(p(sorted, 95)) + ", p50 " + ms(p(sorted, 50));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
