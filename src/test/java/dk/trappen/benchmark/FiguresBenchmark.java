package dk.trappen.benchmark;

import static dk.trappen.benchmark.BenchmarkReport.count;
import static dk.trappen.benchmark.BenchmarkReport.ms;
import static dk.trappen.benchmark.BenchmarkReport.perSecond;

import dk.trappen.benchmark.NationalScaleBenchmark.Db;
import dk.trappen.figures.FiguresService;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.testsupport.TestPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The strategy's figures (issue 21) at national size: three years of history for every case — the child, the case
 * (a quarter closed), one to three interventions on the staircase (step changes replacing each other, placements
 * among them), a network meeting every 8 weeks with the youth's score, words at some, two goals rated, outcome
 * indicators, the notification with its acute assessment, safety plans on some interventions at home and their reviews
 * — inserted by SQL in batches (the figures read these tables and nothing of the engine). Then the head of department
 * of all the teams asks for a year of figures across all teams, on the page ({@code GET /figures}, the whole HTML)
 * and from the API ({@code GET /api/figures}), over HTTP to the running application, and a team leader for one team:
 * first the figures computed ahead for every team leader and head (what each node does every
 * {@code trappen.figures.warm-every}), then figures computed on request (periods not computed before), then the
 * default view as served from what was computed within {@code trappen.figures.keep-for}.
 *
 * <p>Run: {@code mvn -Pbenchmark verify -Dtest=FiguresBenchmark -Dtrappen.benchmark.figures-sizes=10000,100000
 * -Dtrappen.benchmark.databases=postgres}. Results: stdout and {@code target/benchmark/results-figures.md}. Target:
 * p95 under 500 ms (reported, never asserted).
 */
class FiguresBenchmark {

  private static final List<Integer> SIZES = Arrays.stream(
          System.getProperty("trappen.benchmark.figures-sizes", "10000,100000").split(","))
      .map(String::strip).map(Integer::parseInt).toList();
  private static final List<String> DATABASES = Arrays.stream(
      System.getProperty("trappen.benchmark.databases", "postgres").split(",")).map(String::strip).toList();
  /** A department's team is large here: 20 teams at 100,000 cases, all under one head of department. */
  private static final int CASES_PER_TEAM = Integer.getInteger("trappen.benchmark.figures-cases-per-team", 5000);
  private static final int CASEWORKERS_PER_TEAM = 25;
  private static final int SAMPLES = Integer.getInteger("trappen.benchmark.figures-samples", 100);
  private static final int WARMUP = Integer.getInteger("trappen.benchmark.figures-warmup", 10);
  /** Requests measured for figures not computed before (each a full computation). */
  private static final int COLD = Integer.getInteger("trappen.benchmark.figures-cold", 5);
  private static final Path DIR = Path.of("target", "benchmark").toAbsolutePath();
  private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
  private static final String PASSWORD = "Figures-bench-2026";
  private static final String HEAD = "bench-fig-head";
  /** Explicit ids far above anything the application creates; the identities restart above them afterwards. */
  private static final long ID_BASE = 50_000_000L;
  private static final String[] TABLES = {"child", "youth_case", "intervention", "network_meeting", "goal_progress",
      "notification", "outcome_record", "safety_plan", "safety_plan_review"};

  /** The national staircase (config/staircase.yml): key, position, placement; chosen with these weights. */
  private static final String[] STEPS = {"EARLY_HELP", "PREVENTIVE", "HOME_BASED", "KIN_PLACEMENT", "FOSTER_FAMILY",
      "INSTITUTION"};
  private static final int[] STEP_WEIGHTS = {15, 25, 30, 8, 12, 10};
  private static final String[] NOTIFIERS = {"SCHOOL", "DAYCARE", "POLICE", "HEALTH", "SOCIAL_SERVICES", "RELATIVE",
      "NEIGHBOUR", "ANONYMOUS"};
  private static final String[] VOICES = {"Det går bedre i skolen", "Jeg vil gerne bo hjemme igen",
      "Jeg kan godt lide min kontaktperson", "Der er for mange møder", "Jeg har fået en ven i klassen",
      "Jeg vil gerne have mere tid med min mor"};

  private final BenchmarkReport report = new BenchmarkReport();
  private final Map<String, Long> nextId = new LinkedHashMap<>();

  @Test
  void figures() throws Exception {
    Files.createDirectories(DIR);
    report.header(String.format(Locale.ROOT, "The strategy's figures on %s cases inserted by SQL, %d cases per team, "
        + "%d cores, %s.", SIZES, CASES_PER_TEAM, Runtime.getRuntime().availableProcessors(), Instant.now()));
    TestPostgres postgres = null;
    // the benchmark computes ahead itself, and measures it: no warm-up of the application's own meanwhile
    System.setProperty("trappen.figures.warm-every", "PT0S");
    // the production profile's session cookie is for HTTPS only; the benchmark signs in over plain HTTP to localhost
    System.setProperty("trappen.security.secure-cookies", "false");
    try {
      for (String name : DATABASES) {
        Db db = name.equalsIgnoreCase("h2") ? Db.H2 : Db.POSTGRES;
        if (db == Db.POSTGRES && postgres == null) {
          postgres = TestPostgres.start();
        }
        String url = db == Db.H2 ? NationalScaleBenchmark.h2Url("figures")
            : postgres.createDatabase("figures") + "?reWriteBatchedInserts=true";
        try (ConfigurableApplicationContext app = NationalScaleBenchmark.open(db, url, "bench-figures")) {
          nextId.clear();
          int seeded = 0;
          for (int size : SIZES) {
            seed(app, db, seeded, size);
            seeded = size;
            measure(app, db, size);
          }
        }
      }
    } finally {
      System.out.println(report.text());
      report.write(DIR.resolve("results-figures.md"));
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private void measure(ConfigurableApplicationContext app, Db db, int size) throws Exception {
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    String base = "http://127.0.0.1:" + port;
    YearMonth to = YearMonth.now(ZONE);
    YearMonth from = to.minusMonths(11);
    String period = "from=" + from + "&to=" + to;
    HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String basic = "Basic " + Base64.getEncoder().encodeToString((HEAD + ":" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    HttpRequest apiRequest = HttpRequest.newBuilder(URI.create(base + "/api/figures?" + period))
        .header("Authorization", basic).header("Accept", "application/json").GET().build();
    HttpClient head = signedIn(base, HEAD);
    HttpRequest pageRequest = HttpRequest.newBuilder(URI.create(base + "/figures?" + period)).GET().build();
    String leaderName = BenchmarkSeeder.leader(0);
    HttpClient leader = signedIn(base, leaderName);
    HttpRequest teamPage = HttpRequest.newBuilder(URI.create(base + "/figures?" + period + "&team="
        + BenchmarkSeeder.team(0))).GET().build();

    HttpResponse<String> first = api.send(apiRequest, HttpResponse.BodyHandlers.ofString());
    check(first, "GET /api/figures");
    HttpResponse<String> page = head.send(pageRequest, HttpResponse.BodyHandlers.ofString());
    check(page, "GET /figures");
    report.note(String.format(Locale.ROOT, "%s, %s cases: the API's answer for a year across %d teams is %,d bytes, "
            + "the head's page %,d bytes", db.label, count(size), teams(size), first.body().length(),
        page.body().length()));

    // computed ahead, as every node does every trappen.figures.warm-every: the team leaders' and the head's default view
    long warmStart = System.nanoTime();
    int sets = app.getBean(FiguresService.class).warmUp();
    report.row(db.label, count(size), "computing ahead the default figures (the last 12 months) of every team leader "
        + "and the head: " + sets + " sets of teams", "", "", String.format(Locale.ROOT, "%.1f s",
        (System.nanoTime() - warmStart) / 1e9), "");
    // computed on request: a year across all the teams, ending in each of the last months (none kept yet)
    long[] cold = new long[COLD];
    for (int k = 0; k < COLD; k++) {
      YearMonth end = to.minusMonths(k + 1L);
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/figures?from=" + end.minusMonths(11)
          + "&to=" + end)).header("Authorization", basic).header("Accept", "application/json").GET().build();
      long started = System.nanoTime();
      send(api, request);
      cold[k] = System.nanoTime() - started;
    }
    Arrays.sort(cold);
    report.row(db.label, count(size), "GET /api/figures computed on request: a year, all " + teams(size) + " teams, "
        + COLD + " periods not computed before", cold[cold.length - 1] <= 500e6 ? "ok" : "MISSED", "p95 < 500 ms",
        "max " + ms(cold[cold.length - 1]) + ", median " + ms(cold[cold.length / 2]), "");

    long[] apiTimes = sample(() -> send(api, apiRequest));
    long[] pageTimes = sample(() -> send(head, pageRequest));
    long[] teamTimes = sample(() -> send(leader, teamPage));
    row(db, size, "GET /api/figures, a year, all " + teams(size) + " teams (head of department), as computed within "
        + "keep-for", apiTimes);
    row(db, size, "GET /figures, the head's page, a year, all " + teams(size) + " teams, as computed within keep-for",
        pageTimes);
    row(db, size, "GET /figures, a team leader's page, a year, one team of " + CASES_PER_TEAM + " cases, as computed "
        + "within keep-for", teamTimes);
  }

  private void row(Db db, int size, String measure, long[] sorted) {
    double p95 = NationalScaleBenchmark.p(sorted, 95);
    report.row(db.label, count(size), measure, p95 <= 500e6 ? "ok" : "MISSED", "p95 < 500 ms",
        NationalScaleBenchmark.times(sorted), "");
  }

  private static int teams(int size) {
    return (size + CASES_PER_TEAM - 1) / CASES_PER_TEAM;
  }

  private static long[] sample(Supplier<?> op) {
    for (int i = 0; i < WARMUP; i++) {
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

  private static int send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      check(response, request.uri().getPath());
      return response.body().length();
    } catch (Exception e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    }
  }

  private static void check(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
          + response.body().substring(0, Math.min(2000, response.body().length())));
    }
  }

  /** A browser's session: the sign-in form with its CSRF token, then the session cookie. */
  private static HttpClient signedIn(String base, String username) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
    if (!token.find()) {
      token = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(form);
      if (!token.find()) {
        throw new IllegalStateException("no CSRF token on the sign-in page");
      }
    }
    String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    String location = signIn.headers().firstValue("Location").orElse("");
    if (signIn.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("sign-in of " + username + " failed: " + signIn.statusCode() + " " + location);
    }
    return client;
  }

  /** Staff for teams up to {@code to} cases, the head of all of them, then the history of cases [from, to). */
  private void seed(ConfigurableApplicationContext app, Db db, int from, int to) {
    long start = System.nanoTime();
    OrgService org = app.getBean(OrgService.class);
    String hash = app.getBean(PasswordEncoder.class).encode(PASSWORD);
    List<String> teamCodes = new ArrayList<>();
    for (int t = 0; t < teams(to); t++) {
      String team = BenchmarkSeeder.team(t);
      teamCodes.add(team);
      if (org.teamExists(team)) {
        continue;
      }
      org.createTeam(team, "Team " + t);
      for (int w = 0; w < CASEWORKERS_PER_TEAM; w++) {
        org.createUser(BenchmarkSeeder.caseworker(t, w), "Sagsbehandler " + t + "." + w, Role.CASEWORKER, team, hash,
            false);
      }
      org.createUser(BenchmarkSeeder.leader(t), "Teamleder " + t, Role.TEAM_LEADER, team, hash, false);
    }
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    if (org.member(HEAD).isEmpty()) {
      org.createUserInTeams(HEAD, "Afdelingsleder (benchmark)", Role.HEAD, teamCodes, hash, false);
    } else {
      long headId = jdbc.queryForObject("select id from staff_user where username = ?", Long.class, HEAD);
      for (String team : teamCodes) {
        jdbc.update("insert into staff_user_team (staff_user_id, team_code) select ?, ? where not exists "
            + "(select 1 from staff_user_team where staff_user_id = ? and team_code = ?)", headId, team, headId, team);
      }
    }
    if (nextId.isEmpty()) {
      for (String table : TABLES) {
        Long max = jdbc.queryForObject("select max(id) from " + table, Long.class);
        nextId.put(table, Math.max(ID_BASE, max == null ? 0 : max + 1));
      }
    }
    Instant now = Instant.now();
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (int batchStart = from; batchStart < to; batchStart += 500) {
      History h = new History();
      for (int i = batchStart; i < Math.min(to, batchStart + 500); i++) {
        history(h, i, now);
      }
      h.insert(jdbc, rows);
    }
    for (String table : TABLES) {
      jdbc.execute("alter table " + table + " alter column id restart with " + nextId.get(table));
    }
    if (db == Db.POSTGRES) {
      jdbc.execute("analyze");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long total = rows.values().stream().mapToLong(Integer::longValue).sum();
    report.row(db.label, count(to), "inserting the history of " + count(to - from) + " cases by SQL ("
        + String.format(Locale.ROOT, "%,d", total) + " rows: " + rows + ")", "", "",
        perSecond((to - from) / seconds) + String.format(Locale.ROOT, " (%.0f s)", seconds), "");
  }

  private long id(String table) {
    return nextId.merge(table, 1L, Long::sum) - 1;
  }

  /** One case's three years, drawn from a generator seeded with its index (the same case every run). */
  private void history(History h, int i, Instant now) {
    SplittableRandom r = new SplittableRandom(i * 7919L + 17);
    int team = i / CASES_PER_TEAM;
    String caseworker = BenchmarkSeeder.caseworker(team, r.nextInt(CASEWORKERS_PER_TEAM));
    LocalDate birth = LocalDate.of(2008, 1, 1).plusDays(i % 6000);
    String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(birth) + String.format("%04d", 7000 + i / 6000);
    long childId = id("child");
    h.children.add(new Object[] {childId, cpr, "Barn", "Nr " + i, Date.valueOf(birth)});
    Instant opened = now.minus(30 + r.nextInt(1050), ChronoUnit.DAYS);
    Instant closed = r.nextInt(4) == 0 ? opened.plus(200 + r.nextInt(400), ChronoUnit.DAYS) : null;
    if (closed != null && closed.isAfter(now.minus(1, ChronoUnit.DAYS))) {
      closed = null;
    }
    Instant end = closed == null ? now : closed;
    long caseId = id("youth_case");
    h.cases.add(new Object[] {caseId, String.format("F-%07d", i), childId, BenchmarkSeeder.team(team), caseworker,
        closed == null ? "OPEN" : "CLOSED", ts(opened), ts(opened), ts(closed)});
    Instant received = opened.minus(r.nextInt(20), ChronoUnit.DAYS).minus(r.nextInt(86_400), ChronoUnit.SECONDS);
    String notifier = NOTIFIERS[r.nextInt(NOTIFIERS.length)];
    boolean professional = !List.of("RELATIVE", "NEIGHBOUR", "ANONYMOUS").contains(notifier);
    h.notifications.add(new Object[] {id("notification"), caseId, "bench-figures-" + i, notifier, professional,
        ts(received), ts(received), ts(received.plus(1 + r.nextInt(40), ChronoUnit.HOURS))});

    Instant start = opened.plus(30 + r.nextInt(90), ChronoUnit.DAYS);
    if (!start.isBefore(end)) {
      return;
    }
    int count = 1 + (r.nextInt(100) < 35 ? 1 : 0) + (r.nextInt(100) < 10 ? 1 : 0);
    int position = pickStep(r);
    Long previous = null;
    List<long[]> spans = new ArrayList<>();
    for (int k = 0; k < count && start.isBefore(end); k++) {
      Instant stop = start.plus(90 + r.nextInt(450), ChronoUnit.DAYS);
      boolean last = k == count - 1 || !stop.isBefore(end);
      Instant ended = last ? closed : stop;
      long interventionId = id("intervention");
      String key = STEPS[position - 1];
      LocalDate plannedEnd = start.plus(180 + r.nextInt(185), ChronoUnit.DAYS).atZone(ZONE).toLocalDate();
      String nextDown = position == 1 ? "ORDINARY_LIFE" : STEPS[position - 2];
      h.interventions.add(new Object[] {interventionId, caseId, key, key, position, position >= 4,
          ended == null ? "RUNNING" : "ENDED", ts(start.minus(3, ChronoUnit.DAYS)), caseworker, ts(start),
          Date.valueOf(plannedEnd), nextDown, ts(ended), ended == null ? null : last ? "CASE_CLOSED" : "STEP_CHANGE",
          previous});
      // id, from, to (epoch seconds), step position, safety plan id (0: none)
      spans.add(new long[] {interventionId, start.getEpochSecond(), ended == null ? Long.MAX_VALUE
          : ended.getEpochSecond(), position, 0});
      if (ended == null && position <= 3 && r.nextInt(100) < 40) {
        long planId = id("safety_plan");
        h.safetyPlans.add(new Object[] {planId, interventionId, caseId, ts(start.plus(14, ChronoUnit.DAYS)),
            caseworker});
        spans.get(spans.size() - 1)[4] = planId;
      }
      previous = interventionId;
      if (last) {
        break;
      }
      start = stop;
      position = Math.max(1, Math.min(6, position + (r.nextInt(100) < 60 ? -1 : 1)));
    }
    // a network meeting every 8 weeks from the first intervention, two goals rated, indicators at every other one
    boolean stalled = r.nextInt(100) < 15;
    int[] progress = {r.nextInt(3), r.nextInt(3)};
    int age = (int) ChronoUnit.YEARS.between(birth, now.atZone(ZONE).toLocalDate());
    int n = 0;
    for (Instant held = Instant.ofEpochSecond(spans.get(0)[1]).plus(56, ChronoUnit.DAYS); held.isBefore(end);
         held = held.plus(56, ChronoUnit.DAYS), n++) {
      long meetingId = id("network_meeting");
      int score = pickScore(r);
      h.meetings.add(new Object[] {meetingId, caseId, ts(held), score,
          r.nextInt(100) < 30 ? VOICES[r.nextInt(VOICES.length)] : null, caseworker});
      for (int g = 0; g < 2; g++) {
        if (!stalled) {
          progress[g] = Math.min(10, progress[g] + r.nextInt(3));
        }
        h.goals.add(new Object[] {id("goal_progress"), meetingId, (long) i * 2 + g, progress[g]});
      }
      long[] span = running(spans, held.getEpochSecond());
      String stepKey = span == null ? null : STEPS[(int) span[3] - 1];
      if (n % 2 == 0 && age >= 12) {
        h.outcomes.add(new Object[] {id("outcome_record"), caseId, meetingId, "POLICE_CONTACT",
            r.nextInt(100) < 20, stepKey, ts(held), caseworker});
        h.outcomes.add(new Object[] {id("outcome_record"), caseId, meetingId, "SCHOOL_ATTENDANCE",
            r.nextInt(100) < 70, stepKey, ts(held), caseworker});
      }
      if (span != null && span[4] > 0) {
        h.reviews.add(new Object[] {id("safety_plan_review"), span[4], meetingId, r.nextInt(100) < 85,
            ts(held), caseworker});
      }
    }
  }

  private static long[] running(List<long[]> spans, long at) {
    for (long[] span : spans) {
      if (span[1] <= at && at < span[2]) {
        return span;
      }
    }
    return null;
  }

  private static int pickStep(SplittableRandom r) {
    int pick = r.nextInt(100);
    for (int s = 0; s < STEP_WEIGHTS.length; s++) {
      if (pick < STEP_WEIGHTS[s]) {
        return s + 1;
      }
      pick -= STEP_WEIGHTS[s];
    }
    return 3;
  }

  /** 4 or 5 at about 78 % of the meetings. */
  private static int pickScore(SplittableRandom r) {
    int pick = r.nextInt(100);
    return pick < 40 ? 5 : pick < 78 ? 4 : pick < 90 ? 3 : pick < 96 ? 2 : 1;
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  /** The rows of a batch of cases, inserted table by table in the order of their references. */
  private static final class History {
    final List<Object[]> children = new ArrayList<>();
    final List<Object[]> cases = new ArrayList<>();
    final List<Object[]> notifications = new ArrayList<>();
    final List<Object[]> interventions = new ArrayList<>();
    final List<Object[]> safetyPlans = new ArrayList<>();
    final List<Object[]> meetings = new ArrayList<>();
    final List<Object[]> goals = new ArrayList<>();
    final List<Object[]> outcomes = new ArrayList<>();
    final List<Object[]> reviews = new ArrayList<>();

    void insert(JdbcTemplate jdbc, Map<String, Integer> rows) {
      batch(jdbc, rows, "child", "insert into child (id, cpr, first_name, last_name, birth_date) values (?, ?, ?, ?, ?)",
          children);
      batch(jdbc, rows, "youth_case", """
          insert into youth_case (id, case_number, child_id, team_code, caseworker, status, aware_at, opened_at,
                                  closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", cases);
      batch(jdbc, rows, "notification", """
          insert into notification (id, case_id, payload_hash, notifier_kind, professional, concern, received_at,
                                    registered_at, registered_by, joined_open_case, acute_outcome, assessed_by,
                                    assessed_at)
          values (?, ?, ?, ?, ?, 'Bekymring (benchmark)', ?, ?, 'bench-intake', false, 'INVESTIGATE', 'bench-intake',
                  ?)""", notifications);
      // in order: an intervention refers to the one it replaces, inserted before it in the same batch
      batch(jdbc, rows, "intervention", """
          insert into intervention (id, case_id, step_key, step_name, step_position, placement, description, status,
                                    emergency, decided_at, decided_by, started_at, planned_end, next_step_down_key,
                                    ended_at, end_reason, replaces_id)
          values (?, ?, ?, ?, ?, ?, 'Indsats (benchmark)', ?, false, ?, ?, ?, ?, ?, ?, ?, ?)""", interventions);
      batch(jdbc, rows, "safety_plan", """
          insert into safety_plan (id, intervention_id, case_id, content, agreed_with, agreed_at, agreed_by)
          values (?, ?, ?, 'Tegn, aftaler og hvem barnet ringer til', 'Forældrene og netværket', ?, ?)""",
          safetyPlans);
      batch(jdbc, rows, "network_meeting", """
          insert into network_meeting (id, case_id, held_at, youth_satisfaction, youth_voice, decision, decision_note,
                                       recorded_by)
          values (?, ?, ?, ?, ?, 'CONTINUE', 'Indsatsen fortsætter', ?)""", meetings);
      batch(jdbc, rows, "goal_progress",
          "insert into goal_progress (id, meeting_id, goal_id, progress) values (?, ?, ?, ?)", goals);
      batch(jdbc, rows, "outcome_record", """
          insert into outcome_record (id, case_id, meeting_id, indicator_key, achieved, step_key, recorded_at,
                                      recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""", outcomes);
      batch(jdbc, rows, "safety_plan_review", """
          insert into safety_plan_review (id, safety_plan_id, meeting_id, holds, reviewed_at, reviewed_by)
          values (?, ?, ?, ?, ?, ?)""", reviews);
    }

    private static void batch(JdbcTemplate jdbc, Map<String, Integer> rows, String table, String sql,
        List<Object[]> args) {
      if (!args.isEmpty()) {
        jdbc.batchUpdate(sql, args);
        rows.merge(table, args.size(), Integer::sum);
      }
    }
  }
}
