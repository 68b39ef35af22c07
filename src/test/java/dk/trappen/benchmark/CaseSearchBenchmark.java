package dk.trappen.benchmark;

import static dk.trappen.benchmark.BenchmarkReport.count;
import static dk.trappen.benchmark.BenchmarkReport.perSecond;

import dk.trappen.benchmark.NationalScaleBenchmark.Db;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case search at national size in minutes: the children, cases and custody holders are inserted by SQL (no
 * process, no task, no deadline: the search reads none of them), 132 cases to a team as {@link BenchmarkSeeder}
 * spreads them, a fifth closed, every fifth child sharing its custody holders with the next (siblings), surnames
 * drawn from the twenty most common in Denmark so that a surname finds many children. Then the search is measured
 * as {@link NationalScaleBenchmark} measures it beside the task list ({@link CaseSearchMeasures}).
 *
 * <p>Run: {@code mvn -Pbenchmark verify -Dtest=CaseSearchBenchmark -Dtrappen.benchmark.search-sizes=10000,100000}.
 * Results: stdout and {@code target/benchmark/results-search.md}.
 */
class CaseSearchBenchmark {

  private static final List<Integer> SIZES = Arrays.stream(
          System.getProperty("trappen.benchmark.search-sizes", "10000,100000").split(","))
      .map(String::strip).map(Integer::parseInt).toList();
  private static final List<String> DATABASES = Arrays.stream(
      System.getProperty("trappen.benchmark.databases", "h2,postgres").split(",")).map(String::strip).toList();
  private static final int CASES_PER_TEAM = Integer.getInteger("trappen.benchmark.cases-per-team", 132);
  private static final int CASEWORKERS_PER_TEAM = Integer.getInteger("trappen.benchmark.caseworkers-per-team", 6);
  private static final Path DIR = Path.of("target", "benchmark").toAbsolutePath();
  private static final String[] SURNAMES = {"Nielsen", "Jensen", "Hansen", "Andersen", "Pedersen", "Christensen",
      "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
      "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen"};
  private static final String[] FIRST_NAMES = {"Emma", "Noah", "Ida", "William", "Clara", "Oscar", "Ella", "Lucas",
      "Freja", "Carl", "Alma", "Alfred", "Agnes", "Valdemar", "Karla", "Aksel", "Josefine", "Emil", "Sofia", "Malthe",
      "Anna", "Magnus", "Laura", "Victor"};
  private static final LocalDate FIRST_BIRTH = LocalDate.of(2008, 1, 1);
  private static final int BIRTH_DAYS = 6000;

  private final BenchmarkReport report = new BenchmarkReport();

  @Test
  void case_search() throws Exception {
    Files.createDirectories(DIR);
    report.header(String.format(Locale.ROOT, "Case search on %s cases inserted by SQL, %d cases per team, %d cores, %s.",
        SIZES, CASES_PER_TEAM, Runtime.getRuntime().availableProcessors(), Instant.now()));
    TestPostgres postgres = null;
    try {
      for (String name : DATABASES) {
        Db db = name.equalsIgnoreCase("h2") ? Db.H2 : Db.POSTGRES;
        if (db == Db.POSTGRES && postgres == null) {
          postgres = TestPostgres.start();
        }
        String url = db == Db.H2 ? NationalScaleBenchmark.h2Url("search") : postgres.createDatabase("search");
        try (ConfigurableApplicationContext app = NationalScaleBenchmark.open(db, url, "bench-search")) {
          int seeded = 0;
          for (int size : SIZES) {
            seed(app, db, seeded, size);
            seeded = size;
            OrgService org = app.getBean(OrgService.class);
            StaffMember caseworker = org.member(BenchmarkSeeder.caseworker(0, 0)).orElseThrow();
            StaffMember intake = org.member(BenchmarkSeeder.INTAKE_USER).orElseThrow();
            CaseSearchMeasures.measure(app, report, db.label, count(size), caseworker, intake,
                CaseSearchMeasures.probe(app, caseworker), NationalScaleBenchmark::sample);
          }
        }
      }
    } finally {
      System.out.println(report.text());
      report.write(DIR.resolve("results-search.md"));
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** Cases [from, to): staff through the services, then children, cases and custody holders in SQL batches. */
  private void seed(ConfigurableApplicationContext app, Db db, int from, int to) {
    long start = System.nanoTime();
    new BenchmarkSeeder(app, CASES_PER_TEAM, CASEWORKERS_PER_TEAM).ensureStaff(from, to);
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    Instant now = Instant.now();
    DateTimeFormatter ddMMyy = DateTimeFormatter.ofPattern("ddMMyy");
    for (int batchStart = from; batchStart < to; batchStart += 1000) {
      int batchEnd = Math.min(to, batchStart + 1000);
      List<Object[]> children = new ArrayList<>();
      List<Object[]> cases = new ArrayList<>();
      List<Object[]> parties = new ArrayList<>();
      for (int i = batchStart; i < batchEnd; i++) {
        LocalDate birth = FIRST_BIRTH.plusDays(i % BIRTH_DAYS);
        String cpr = ddMMyy.format(birth) + String.format("%04d", i / BIRTH_DAYS);
        children.add(new Object[] {cpr, FIRST_NAMES[i % FIRST_NAMES.length],
            SURNAMES[(i / 7) % SURNAMES.length], Date.valueOf(birth)});
        int team = i / CASES_PER_TEAM;
        Instant opened = now.minus(1 + (i * 7919L) % 1000, ChronoUnit.DAYS);
        boolean closed = i % 5 == 4;
        String caseNumber = String.format("2025-%06d", i + 1);
        cases.add(new Object[] {caseNumber, BenchmarkSeeder.team(team),
            BenchmarkSeeder.caseworker(team, (i % CASES_PER_TEAM) % CASEWORKERS_PER_TEAM), closed ? "CLOSED" : "OPEN",
            Timestamp.from(opened), Timestamp.from(opened),
            closed ? Timestamp.from(opened.plus(30, ChronoUnit.DAYS)) : null, cpr});
        // every fifth child shares its custody holder with the next child (siblings); every child has one
        int family = i % 5 == 1 ? i - 1 : i;
        String parentCpr = ddMMyy.format(LocalDate.of(1975, 1, 1).plusDays(family % 7000))
            + String.format("%04d", 5000 + family / 7000);
        parties.add(new Object[] {"CUSTODY_HOLDER", "Forælder " + family, true, parentCpr, Timestamp.from(opened),
            caseNumber});
      }
      jdbc.batchUpdate("insert into child (cpr, first_name, last_name, birth_date) values (?, ?, ?, ?)", children);
      jdbc.batchUpdate("""
          insert into youth_case (case_number, child_id, team_code, caseworker, status, aware_at, opened_at, closed_at)
          select ?, id, ?, ?, ?, ?, ?, ? from child where cpr = ?""", cases);
      jdbc.batchUpdate("""
          insert into case_party (case_id, case_number, role, name, custody, cpr, protected_address, created_at,
                                  created_by)
          select id, case_number, ?, ?, ?, ?, false, ?, 'bench' from youth_case where case_number = ?""", parties);
    }
    jdbc.execute("analyze");
    double seconds = (System.nanoTime() - start) / 1e9;
    report.row(db.label, count(to), "inserting " + count(to - from) + " children, cases and custody holders by SQL",
        "", "", perSecond((to - from) / seconds) + String.format(Locale.ROOT, " (%.0f s)", seconds), "");
  }
}
