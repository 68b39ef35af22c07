package dk.trappen.benchmark;

import static dk.trappen.benchmark.BenchmarkReport.ratio;

import dk.trappen.casefile.CaseSearch;
import dk.trappen.org.StaffMember;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case search measured as a caseworker (within the team's cases) and as intake (every case), by a common
 * surname, by CPR number, by a whole case number and by its beginning: {@link CaseSearch#search} (the first page of
 * 50, the count, the child's other cases, the siblings and an audit row per case shown) against one SQL read of the
 * same first page. The search writes its audit rows in a transaction of its own, which the read-only baseline does not:
 * the ratio says what the search costs beyond the rows, and has no target; the p95 is the figure. Used by {@link NationalScaleBenchmark} (cases seeded through the services) and
 * {@link CaseSearchBenchmark} (cases inserted by SQL, to reach 100,000 in minutes).
 */
final class CaseSearchMeasures {

  /** What is searched for, found in the database before measuring: a case of the caseworker's team and its child. */
  record Probe(String surname, String cpr, String caseNumber) {
  }

  private static final String BY_NAME = """
      select c.case_number, ch.first_name, ch.last_name, ch.birth_date, c.status, c.team_code, c.caseworker,
             c.opened_at, c.closed_at
      from youth_case c join child ch on ch.id = c.child_id
      where %s lower(ch.first_name || ' ' || ch.last_name) like ?
      order by c.opened_at desc limit 50""";
  private static final String BY_CPR = """
      select c.case_number, ch.first_name, ch.last_name, ch.birth_date, c.status, c.team_code, c.caseworker,
             c.opened_at, c.closed_at
      from youth_case c join child ch on ch.id = c.child_id
      where %s ch.cpr = ? order by c.opened_at desc limit 50""";
  private static final String BY_NUMBER = """
      select c.case_number, ch.first_name, ch.last_name, ch.birth_date, c.status, c.team_code, c.caseworker,
             c.opened_at, c.closed_at
      from youth_case c join child ch on ch.id = c.child_id
      where %s c.case_number like ? order by c.opened_at desc limit 50""";

  private CaseSearchMeasures() {
  }

  /** A case of the caseworker's team to search for: its child's surname and CPR number and its case number. */
  static Probe probe(ApplicationContext app, StaffMember caseworker) {
    Map<String, Object> row = new JdbcTemplate(app.getBean(DataSource.class)).queryForMap("""
        select ch.last_name, ch.cpr, c.case_number from youth_case c join child ch on ch.id = c.child_id
        where c.team_code = ? order by c.id limit 1""", caseworker.teamCode());
    return new Probe((String) row.get("last_name"), (String) row.get("cpr"), (String) row.get("case_number"));
  }

  /** Measures each search as the caseworker and as intake, and reports a row each. */
  static void measure(ApplicationContext app, BenchmarkReport report, String db, String size, StaffMember caseworker,
      StaffMember intake, Probe probe, Function<Supplier<?>, long[]> sample) {
    CaseSearch search = app.getBean(CaseSearch.class);
    JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    String team = caseworker.teamCode();
    String prefix = probe.caseNumber().substring(0, 9);
    record Search(String label, String query, String sql, Object param) {
    }
    List<Search> searches = List.of(
        new Search("surname", probe.surname(), BY_NAME, "%" + probe.surname().toLowerCase(java.util.Locale.ROOT) + "%"),
        new Search("CPR", probe.cpr().substring(0, 6) + "-" + probe.cpr().substring(6), BY_CPR, probe.cpr()),
        new Search("case number", probe.caseNumber(), BY_NUMBER, probe.caseNumber()),
        new Search("case number beginning", prefix, BY_NUMBER, prefix + "%"));
    for (StaffMember user : List.of(caseworker, intake)) {
      boolean scoped = user == caseworker;
      for (Search s : searches) {
        CaseSearch.Request request = CaseSearch.Request.lenient(s.query(), null, null, null, null);
        int shown = search.search(user, request, "bench").getNumberOfElements();
        String sql = String.format(s.sql(), scoped ? "c.team_code = ? and" : "");
        Object[] args = scoped ? new Object[] {team, s.param()} : new Object[] {s.param()};
        Supplier<Integer> raw = () -> jdbc.queryForList(sql, args).size();
        int rawRows = raw.get();
        long[] service = sample.apply(() -> search.search(user, request, "bench"));
        long[] baseline = sample.apply(raw);
        double r = NationalScaleBenchmark.p(service, 95) / NationalScaleBenchmark.p(baseline, 95);
        report.row(db, size, "case search p95 by " + s.label() + " as " + (scoped ? "caseworker (team)" : "intake (all)")
                + " (" + shown + " rows; CaseSearch.search vs raw SQL, " + rawRows + " rows)",
            ratio(r), "none", NationalScaleBenchmark.times(service),
            NationalScaleBenchmark.times(baseline));
      }
    }
  }
}
