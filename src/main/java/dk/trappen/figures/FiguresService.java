package dk.trappen.figures;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.figures.Figures.CaseworkerLoad;
import dk.trappen.figures.Figures.IndicatorInfo;
import dk.trappen.figures.Figures.StepInfo;
import dk.trappen.org.OrgService;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.staircase.HelpCategory;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy's figures (issue 21; docs/figures.md): read-only SQL aggregations over the features' tables, grouped
 * by team, month and step in the database; Java only adds up the grouped rows. Every statement runs on H2 2.x and on
 * PostgreSQL: months are computed as instants here and compared in SQL (a CASE over the month boundaries, or a
 * derived table of the months' starts and ends).
 */
@Service
@Transactional(readOnly = true)
public class FiguresService {

  private static final Logger log = LoggerFactory.getLogger(FiguresService.class);

  /** The longest period asked for at once, in months. */
  public static final int MAX_MONTHS = 36;
  /** The youth's own words shown per team. */
  static final int WORDS = 10;
  /** The stalled interventions listed per team (all are counted). */
  static final int STALLED_LISTED = 50;
  static final double DAYS_PER_MONTH = 30.44;
  static final List<String> BUCKETS = List.of("UNDER_3", "FROM_3_TO_6", "FROM_6_TO_12", "FROM_12_TO_24", "FROM_24");

  private final NamedParameterJdbcTemplate jdbc;
  private final FiguresProperties properties;
  private final Staircase staircase;
  private final OrgService org;
  private final Clock clock;
  private final ZoneId zone;
  private final List<IndicatorInfo> indicators;
  private final FiguresSnapshots snapshots;

  FiguresService(NamedParameterJdbcTemplate jdbc, FiguresProperties properties, Staircase staircase, OrgService org,
      Clock clock, @Value("${trappen.zone:Europe/Copenhagen}") String zone, OutcomeService outcomes,
      FiguresSnapshots snapshots) {
    this.snapshots = snapshots;
    this.jdbc = jdbc;
    this.properties = properties;
    this.staircase = staircase;
    this.org = org;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.indicators = outcomes.indicators().stream()
        .map(i -> new IndicatorInfo(i.key(), i.name(), i.nameEn(), i.desired())).toList();
  }

  /** The zone the months are counted in. */
  public ZoneId zone() {
    return zone;
  }

  /** How many minutes computed figures are served before they are computed again (0: every request). */
  public long keptMinutes() {
    return properties.getKeepFor().toMinutes();
  }

  /** A period of whole months, from and to inclusive. */
  public record Period(YearMonth from, YearMonth to) {
  }

  /**
   * The period a request names: {@code to} defaults to the current month, {@code from} to 11 months before {@code to};
   * a malformed month, {@code to} before {@code from} or more than {@value #MAX_MONTHS} months is refused naming the
   * field.
   */
  public Period period(String from, String to) {
    List<Problem> problems = new ArrayList<>();
    YearMonth f = null;
    YearMonth t = null;
    try {
      t = to == null || to.isBlank() ? YearMonth.from(clock.instant().atZone(zone)) : YearMonth.parse(to.trim());
    } catch (DateTimeParseException e) {
      problems.add(Problem.of("to", "problem.figures.month", to));
    }
    try {
      f = from == null || from.isBlank() ? (t == null ? null : t.minusMonths(11)) : YearMonth.parse(from.trim());
    } catch (DateTimeParseException e) {
      problems.add(Problem.of("from", "problem.figures.month", from));
    }
    if (problems.isEmpty()) {
      if (t.isBefore(f)) {
        problems.add(Problem.of("to", "problem.figures.toBeforeFrom", f.toString()));
      } else if (f.plusMonths(MAX_MONTHS - 1L).isBefore(t)) {
        problems.add(Problem.of("from", "problem.figures.tooLong", MAX_MONTHS));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    return new Period(f, t);
  }

  /**
   * The teams a viewer's figures are about: {@code team} if it is theirs, all their teams when null or blank. Only a
   * team leader (their own teams) and a head of department (all their teams) see figures.
   */
  public List<String> teamsOf(StaffMember viewer, String team) {
    if (viewer.role() != Role.TEAM_LEADER && viewer.role() != Role.HEAD) {
      throw new AccessDeniedException("figures are for team leaders and heads of department");
    }
    if (team == null || team.isBlank()) {
      return viewer.teams();
    }
    if (!viewer.covers(team)) {
      throw InvalidInputException.of("team", "problem.figures.ownTeamsOnly", String.join(", ", viewer.teams()));
    }
    return List.of(team);
  }

  public Figures figures(StaffMember viewer, YearMonth from, YearMonth to, String team) {
    List<String> teams = teamsOf(viewer, team);
    if (from == null || to == null || to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
      throw InvalidInputException.of(to == null || (from != null && to.isBefore(from)) ? "to" : "from",
          "problem.figures.period", MAX_MONTHS);
    }
    return snapshots.get(new FiguresSnapshots.Key(teams, from, to), () -> new Query(teams, from, to).run());
  }

  /**
   * Computes ahead the default figures (the last 12 months, all their teams) of every active team leader and head of
   * department, each set of teams once, and keeps them for their requests; returns how many sets were computed.
   */
  public int warmUp() {
    YearMonth to = YearMonth.from(clock.instant().atZone(zone));
    YearMonth from = to.minusMonths(11);
    Set<List<String>> teamSets = new LinkedHashSet<>();
    org.heads().forEach(h -> teamSets.add(h.teams().stream().sorted().toList()));
    org.teams().stream().filter(t -> t.isActive()).forEach(t -> org.teamLeaders(t.getCode())
        .forEach(l -> teamSets.add(l.teams().stream().sorted().toList())));
    teamSets.removeIf(List::isEmpty);
    for (List<String> teams : teamSets) {
      snapshots.refresh(new FiguresSnapshots.Key(teams, from, to), () -> new Query(teams, from, to).run());
    }
    return teamSets.size();
  }

  /** The months' instants and the accumulated grouped rows of one request. */
  private final class Query {
    final List<String> teams;
    final YearMonth from;
    final YearMonth to;
    final List<YearMonth> months = new ArrayList<>();
    /** bounds[k] is the start of month k; bounds[n] the period's end. */
    final List<Instant> bounds = new ArrayList<>();
    final Instant asOf;
    /** The months that have begun by {@link #asOf}: the point-in-time figures are taken at their (capped) ends. */
    final int begun;
    final MapSqlParameterSource params = new MapSqlParameterSource();
    final Map<String, Acc> accs = new LinkedHashMap<>();
    final Acc total;
    final List<Step> steps = staircase.steps().stream().sorted(Comparator.comparingInt(Step::position)).toList();
    final Map<String, Step> byKey = steps.stream().collect(Collectors.toMap(Step::key, Function.identity()));
    final Map<Integer, Step> byPosition = steps.stream().collect(Collectors.toMap(Step::position,
        Function.identity()));

    Query(List<String> teams, YearMonth from, YearMonth to) {
      this.teams = teams;
      this.from = from;
      this.to = to;
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        months.add(m);
        bounds.add(start(m));
      }
      bounds.add(start(to.plusMonths(1)));
      Instant now = clock.instant();
      Instant end = bounds.get(months.size());
      this.asOf = now.isBefore(end) ? now : end;
      int b = 0;
      while (b < months.size() && bounds.get(b).isBefore(asOf)) {
        b++;
      }
      this.begun = b;
      params.addValue("teams", teams.isEmpty() ? List.of("\u0000") : teams);
      for (int k = 0; k < bounds.size(); k++) {
        params.addValue("b" + k, odt(bounds.get(k)));
      }
      params.addValue("bn", odt(end));
      params.addValue("ref", odt(asOf));
      params.addValue("n", properties.getStalledAfterMeetings());
      Map<String, String> names = new HashMap<>();
      org.teams().forEach(t -> names.put(t.getCode(), t.getName()));
      for (String t : teams) {
        accs.put(t, new Acc(t, names.getOrDefault(t, t)));
      }
      total = new Acc(null, null);
      accs.values().forEach(a -> a.size(months.size()));
      total.size(months.size());
    }

    Instant start(YearMonth m) {
      return m.atDay(1).atStartOfDay(zone).toInstant();
    }

    long monthSeconds(int k) {
      return bounds.get(k + 1).getEpochSecond() - bounds.get(k).getEpochSecond();
    }

    /** The month index of an instant column within the period: 0 to n-1. */
    String month(String column) {
      StringBuilder sql = new StringBuilder("case");
      for (int k = 1; k < months.size(); k++) {
        sql.append(" when ").append(column).append(" < :b").append(k).append(" then ").append(k - 1);
      }
      return sql.append(" else ").append(months.size() - 1).append(" end").toString();
    }

    String inPeriod(String column) {
      return column + " >= :b0 and " + column + " < :bn";
    }

    /** The months begun by asOf: index m, start s, end e (capped at asOf), as a derived table. */
    String monthsTable() {
      StringBuilder sql = new StringBuilder("(");
      for (int k = 0; k < begun; k++) {
        if (k > 0) {
          sql.append(" union all ");
        }
        Instant e = bounds.get(k + 1).isBefore(asOf) ? bounds.get(k + 1) : asOf;
        params.addValue("ms" + k, odt(bounds.get(k)));
        params.addValue("me" + k, odt(e));
        sql.append("select ").append(k).append(" as m, cast(:ms").append(k)
            .append(" as timestamp with time zone) as s, cast(:me").append(k)
            .append(" as timestamp with time zone) as e");
      }
      return sql.append(")").toString();
    }

    void each(String sql, RowHandler handler) {
      long started = System.nanoTime();
      jdbc.query(sql, params, rs -> {
        String team = rs.getString(1);
        Acc acc = accs.get(team);
        if (acc != null) {
          handler.handle(acc, rs);
          handler.handle(total, rs);
        }
      });
      timed(started);
    }

    /** Logs at debug how long the calling measure's statement took (for watching the slowest at national scale). */
    void timed(long started) {
      if (log.isDebugEnabled()) {
        String measure = StackWalker.getInstance().walk(frames -> frames.skip(1)
            .filter(f -> !f.getMethodName().equals("each")).findFirst().map(StackWalker.StackFrame::getMethodName)
            .orElse("?"));
        log.debug("figures: {} over {} team(s) and {} month(s) took {} ms", measure, teams.size(), months.size(),
            (System.nanoTime() - started) / 1_000_000);
      }
    }

    Figures run() {
      satisfaction();
      words();
      if (begun > 0) {
        casesPerStep();
        placementKinds();
        spending();
      }
      moves();
      startSteps();
      placementLengths();
      progress();
      stalled();
      outcomes();
      safetyPlans();
      intake();
      caseload();
      savings();
      lateStepDowns();
      List<StepInfo> stepInfos = steps.stream().map(s -> new StepInfo(s.key(), s.name(), s.nameEn(), s.position(),
          s.placement(), s.placementKind() == null ? null : s.placementKind().name(), s.monthlyCost(),
          s.caseloadWeight())).toList();
      return new Figures(from, to, asOf, List.copyOf(months), stepInfos, indicators,
          properties.getSatisfactionGoalPercent(), properties.getStalledAfterMeetings(),
          accs.values().stream().map(a -> a.build(this)).toList(), total.build(this));
    }

    void satisfaction() {
      each("select team_code, m, count(*), sum(case when youth_satisfaction >= 4 then 1 else 0 end) from ("
          + "select c.team_code, n.youth_satisfaction, " + month("n.held_at") + " as m from network_meeting n "
          + "join youth_case c on c.id = n.case_id where c.team_code in (:teams) and " + inPeriod("n.held_at")
          + ") t group by team_code, m", (a, rs) -> {
            long[] c = a.satisfaction[rs.getInt(2)];
            c[0] += rs.getLong(3);
            c[1] += rs.getLong(4);
          });
    }

    void words() {
      long started = System.nanoTime();
      List<Object[]> all = new ArrayList<>();
      jdbc.query("select team_code, held_at, youth_satisfaction, youth_voice from (select c.team_code, n.held_at, "
          + "n.youth_satisfaction, n.youth_voice, row_number() over (partition by c.team_code order by n.held_at "
          + "desc, n.id desc) as rn from network_meeting n join youth_case c on c.id = n.case_id where "
          + "c.team_code in (:teams) and " + inPeriod("n.held_at") + " and n.youth_voice is not null and "
          + "trim(n.youth_voice) <> '') t where rn <= " + WORDS + " order by held_at desc", params, rs -> {
            Instant at = instant(rs, 2);
            Figures.YouthWords w = new Figures.YouthWords(YearMonth.from(at.atZone(zone)), rs.getInt(3),
                rs.getString(4).trim());
            Acc a = accs.get(rs.getString(1));
            if (a != null) {
              a.words.add(w);
              all.add(new Object[] {at, w});
            }
          });
      all.stream().sorted((x, y) -> ((Instant) y[0]).compareTo((Instant) x[0])).limit(WORDS)
          .forEach(x -> total.words.add((Figures.YouthWords) x[1]));
      timed(started);
    }

    void casesPerStep() {
      each("select team_code, m, pos, count(*) from (select c.team_code, mm.m, max(i.step_position) as pos from "
          + monthsTable() + " mm join intervention i on i.started_at <= mm.e and (i.ended_at is null or i.ended_at > "
          + "mm.e) join youth_case c on c.id = i.case_id where c.team_code in (:teams) group by c.team_code, mm.m, "
          + "i.case_id) t group by team_code, m, pos", (a, rs) -> a.perStep[rs.getInt(2)]
          .merge(keyAt(rs.getInt(3)), rs.getLong(4), Long::sum));
    }

    void placementKinds() {
      each("select c.team_code, mm.m, i.step_key, count(*) from " + monthsTable() + " mm join intervention i on "
          + "i.placement = true and i.started_at <= mm.e and (i.ended_at is null or i.ended_at > mm.e) join youth_case c "
          + "on c.id = i.case_id where c.team_code in (:teams) group by c.team_code, mm.m, i.step_key", (a, rs) -> {
            Step s = byKey.get(rs.getString(3));
            HelpCategory kind = s == null ? null : s.placementKind();
            int slot = kind == HelpCategory.KIN_PLACEMENT ? 0 : kind == HelpCategory.FOSTER_FAMILY ? 1
                : kind == HelpCategory.INSTITUTION ? 2 : 3;
            a.kinds[rs.getInt(2)][slot] += rs.getLong(4);
          });
    }

    void spending() {
      each("select c.team_code, mm.m, i.step_key, sum(extract(epoch from (least(coalesce(i.ended_at, mm.e), mm.e) - "
          + "greatest(i.started_at, mm.s)))) from " + monthsTable() + " mm join intervention i on i.started_at < mm.e "
          + "and (i.ended_at is null or i.ended_at > mm.s) join youth_case c on c.id = i.case_id where c.team_code in "
          + "(:teams) group by c.team_code, mm.m, i.step_key", (a, rs) -> a.spendSeconds[rs.getInt(2)]
          .merge(rs.getString(3), rs.getDouble(4), Double::sum));
    }

    void moves() {
      each("select team_code, m, sum(up), sum(down) from (select c.team_code, " + month("i.started_at") + " as m, "
          + "case when i.step_position > r.step_position then 1 else 0 end as up, case when i.step_position < "
          + "r.step_position then 1 else 0 end as down from intervention i join intervention r on r.id = "
          + "i.replaces_id join youth_case c on c.id = i.case_id where c.team_code in (:teams) and "
          + inPeriod("i.started_at") + ") t group by team_code, m", (a, rs) -> {
            a.moves[rs.getInt(2)][0] += rs.getLong(3);
            a.moves[rs.getInt(2)][1] += rs.getLong(4);
          });
    }

    void startSteps() {
      each("select c.team_code, i.step_key, count(*) from intervention i join youth_case c on c.id = i.case_id "
          + "where c.team_code in (:teams) and " + inPeriod("i.started_at") + " and i.replaces_id is null and not "
          + "exists (select 1 from intervention e where e.case_id = i.case_id and e.id <> i.id and e.started_at < "
          + "i.started_at) group by c.team_code, i.step_key",
          (a, rs) -> a.startSteps.merge(rs.getString(2), rs.getLong(3), Long::sum));
    }

    void placementLengths() {
      each("select team_code, days, count(*) from (select c.team_code, extract(day from (i.ended_at - "
          + "i.started_at)) as days from intervention i join youth_case c on c.id = i.case_id where c.team_code in "
          + "(:teams) and i.placement = true and i.started_at is not null and " + inPeriod("i.ended_at")
          + ") t group by team_code, days",
          (a, rs) -> a.lengths.merge(rs.getLong(2), rs.getLong(3), Long::sum));
      each("select c.team_code, count(*) from intervention i join youth_case c on c.id = i.case_id where "
          + "c.team_code in (:teams) and i.placement = true and i.started_at <= :ref and (i.ended_at is null or "
          + "i.ended_at > :ref) group by c.team_code", (a, rs) -> a.placementsRunning += rs.getLong(2));
    }

    void progress() {
      // each rating's previous rating of the same goal by a window (a goal's ratings are all on its own case, so in
      // the same team); ratings before the period are read only to be the previous one
      each("select team_code, m, count(*), sum(progress), count(prev), sum(case when prev is not null and progress > "
          + "prev then 1 else 0 end) from (select team_code, progress, prev, " + month("held_at") + " as m from ("
          + "select c.team_code, n.held_at, g.progress, lag(g.progress) over (partition by g.goal_id order by "
          + "n.held_at, n.id) as prev from goal_progress g join network_meeting n on n.id = g.meeting_id join "
          + "youth_case c on c.id = n.case_id where c.team_code in (:teams) and n.held_at < :bn) r where held_at >= "
          + ":b0) t group by team_code, m", (a, rs) -> {
            long[] p = a.progress[rs.getInt(2)];
            p[0] += rs.getLong(3);
            p[1] += rs.getLong(4);
            p[2] += rs.getLong(5);
            p[3] += rs.getLong(6);
          });
    }

    void stalled() {
      long started = System.nanoTime();
      jdbc.query("with running as (select i.id, i.case_id, i.step_key, i.started_at, c.team_code, c.case_number "
          + "from intervention i join youth_case c on c.id = i.case_id where c.team_code in (:teams) and "
          + "i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref)), "
          + "ranked as (select r.id as iid, n.id as mid, row_number() over (partition by r.id order by n.held_at "
          + "desc, n.id desc) as rn, count(*) over (partition by r.id) as cnt from running r join network_meeting n "
          + "on n.case_id = r.case_id and n.held_at >= r.started_at and n.held_at <= :ref), "
          + "lastn as (select iid, mid, rn, cnt from ranked where rn <= :n and cnt >= :n), "
          + "firsts as (select iid, mid from lastn where rn = :n), "
          + "rose as (select distinct l.iid from lastn l join firsts f on f.iid = l.iid join goal_progress g0 on "
          + "g0.meeting_id = f.mid join goal_progress g on g.meeting_id = l.mid and g.goal_id = g0.goal_id where "
          + "l.rn < :n and g.progress > g0.progress) "
          + "select team_code, case_number, step_key, started_at, cnt, (select avg(cast(g.progress as double "
          + "precision)) from goal_progress g where g.meeting_id = s.mid) as last_progress, team_count from (select "
          + "r.team_code, r.case_number, r.step_key, r.started_at, l1.cnt, l1.mid, row_number() over (partition by "
          + "r.team_code order by r.started_at, r.case_number) as k, count(*) over (partition by r.team_code) as "
          + "team_count from running r join lastn l1 on l1.iid = r.id and l1.rn = 1 where r.id not in (select iid "
          + "from rose)) s where k <= " + STALLED_LISTED + " order by team_code, started_at, case_number", params,
          rs -> {
            Acc a = accs.get(rs.getString(1));
            if (a == null) {
              return;
            }
            double last = rs.getDouble(6);
            Figures.Stalled s = new Figures.Stalled(rs.getString(1), rs.getString(2), rs.getString(3),
                instant(rs, 4), rs.getLong(5), rs.wasNull() ? null : round1(last));
            if (a.stalled.isEmpty()) {
              a.stalledCount = rs.getLong(7);
              total.stalledCount += rs.getLong(7);
            }
            a.stalled.add(s);
            total.stalled.add(s);
          });
      // over several teams, the total lists the longest running of them all, as many as one team lists
      total.stalled.sort(Comparator.comparing(Figures.Stalled::startedAt).thenComparing(Figures.Stalled::caseNumber));
      if (total.stalled.size() > STALLED_LISTED) {
        total.stalled.subList(STALLED_LISTED, total.stalled.size()).clear();
      }
      timed(started);
    }

    void outcomes() {
      each("select c.team_code, o.indicator_key, o.step_key, o.achieved, count(*) from outcome_record o join "
          + "youth_case c on c.id = o.case_id where c.team_code in (:teams) and " + inPeriod("o.recorded_at")
          + " group by c.team_code, o.indicator_key, o.step_key, o.achieved", (a, rs) -> {
            long[] c = a.outcomeSteps.computeIfAbsent(rs.getString(2) + "\u0000" + nz(rs.getString(3)),
                k -> new long[2]);
            c[0] += rs.getLong(5);
            if (desired(rs.getString(2)) == rs.getBoolean(4)) {
              c[1] += rs.getLong(5);
            }
          });
      each("select team_code, indicator_key, m, achieved, count(*) from (select c.team_code, o.indicator_key, "
          + month("o.recorded_at") + " as m, o.achieved from outcome_record o join youth_case c on c.id = o.case_id "
          + "where c.team_code in (:teams) and " + inPeriod("o.recorded_at") + ") t group by team_code, "
          + "indicator_key, m, achieved", (a, rs) -> {
            long[] c = a.outcomeMonths.computeIfAbsent(rs.getString(2) + "\u0000" + rs.getInt(3), k -> new long[2]);
            c[0] += rs.getLong(5);
            if (desired(rs.getString(2)) == rs.getBoolean(4)) {
              c[1] += rs.getLong(5);
            }
          });
    }

    void safetyPlans() {
      String running = " i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref)";
      each("select c.team_code, count(*), sum(case when exists (select 1 from safety_plan s join intervention i on "
          + "i.id = s.intervention_id where s.case_id = c.id and s.agreed_at <= :ref and" + running + ") then 1 "
          + "else 0 end) from youth_case c where c.team_code in (:teams) and c.opened_at <= :ref and (c.closed_at "
          + "is null or c.closed_at > :ref) and exists (select 1 from intervention i where i.case_id = c.id and"
          + running + ") and not exists (select 1 from intervention i where i.case_id = c.id and i.placement = true "
          + "and" + running + ") group by c.team_code", (a, rs) -> {
            a.safety[0] += rs.getLong(2);
            a.safety[1] += rs.getLong(3);
          });
      each("select c.team_code, count(*), sum(case when r.holds = true then 1 else 0 end) from safety_plan_review r "
          + "join safety_plan s on s.id = r.safety_plan_id join youth_case c on c.id = s.case_id where c.team_code "
          + "in (:teams) and " + inPeriod("r.reviewed_at") + " group by c.team_code", (a, rs) -> {
            a.safety[2] += rs.getLong(2);
            a.safety[3] += rs.getLong(3);
          });
    }

    void intake() {
      each("select team_code, m, kind, count(*), sum(within) from (select c.team_code, " + month("n.received_at")
          + " as m, n.notifier_kind as kind, case when n.assessed_at is not null and n.assessed_at <= n.received_at "
          + "+ interval '24' hour then 1 else 0 end as within from notification n join youth_case c on c.id = "
          + "n.case_id where c.team_code in (:teams) and " + inPeriod("n.received_at") + ") t group by team_code, m, "
          + "kind", (a, rs) -> {
            int m = rs.getInt(2);
            a.intakeBySource[m].merge(rs.getString(3), rs.getLong(4), Long::sum);
            a.intake[m][0] += rs.getLong(4);
            a.intake[m][1] += rs.getLong(5);
          });
    }

    void caseload() {
      each("select c.team_code, c.caseworker, x.pos, count(*) from youth_case c left join (select i.case_id, "
          + "max(i.step_position) as pos from intervention i join youth_case c2 on c2.id = i.case_id where "
          + "c2.team_code in (:teams) and i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref) group "
          + "by i.case_id) x on x.case_id = c.id where c.team_code in (:teams) and c.opened_at <= :ref and "
          + "(c.closed_at is null or c.closed_at > :ref) group by c.team_code, c.caseworker, x.pos", (a, rs) -> {
            String who = rs.getString(2);
            int pos = rs.getInt(3);
            Step s = rs.wasNull() ? null : byPosition.get(pos);
            double weight = s == null ? properties.getWeightWithoutStep() : s.caseloadWeight();
            double[] c = a.caseload.computeIfAbsent(rs.getString(1) + "\u0000" + nz(who), k -> new double[2]);
            c[0] += rs.getLong(4);
            c[1] += rs.getLong(4) * weight;
          });
    }

    void savings() {
      Instant end = bounds.get(months.size());
      YearMonth after = to.plusMonths(1);
      each("select c.team_code, i.step_key, i.next_step_down_key, i.planned_end, count(*) from intervention i join "
          + "youth_case c on c.id = i.case_id where c.team_code in (:teams) and i.next_step_down_key is not null and "
          + "i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref) group by c.team_code, i.step_key, "
          + "i.next_step_down_key, i.planned_end", (a, rs) -> {
            String step = rs.getString(2);
            String next = rs.getString(3);
            LocalDate planned = rs.getObject(4, LocalDate.class);
            long count = rs.getLong(5);
            long monthly = cost(step) - cost(next);
            Instant stepDown = planned.plusDays(1).atStartOfDay(zone).toInstant();
            Instant savingFrom = stepDown.isAfter(end) ? stepDown : end;
            double fraction = 0;
            for (int k = 0; k < 12; k++) {
              Instant s = start(after.plusMonths(k));
              Instant e = start(after.plusMonths(k + 1));
              Instant o = savingFrom.isAfter(s) ? savingFrom : s;
              if (o.isBefore(e)) {
                fraction += (double) (e.getEpochSecond() - o.getEpochSecond()) / (e.getEpochSecond()
                    - s.getEpochSecond());
              }
            }
            double[] v = a.savings.computeIfAbsent(step + "\u0000" + next, x -> new double[3]);
            v[0] += count;
            v[1] = monthly;
            v[2] += count * monthly * fraction;
          });
    }

    void lateStepDowns() {
      if (begun == 0) {
        return;
      }
      params.addValue("lastPlanned", asOf.atZone(zone).toLocalDate());
      each("select c.team_code, i.step_key, i.step_position, i.next_step_down_key, i.planned_end, i.started_at, "
          + "i.ended_at, count(*) from intervention i join youth_case c on c.id = i.case_id where c.team_code in "
          + "(:teams) and i.started_at < :ref and i.planned_end < :lastPlanned and (i.ended_at is null or i.ended_at "
          + "> :b0) group by c.team_code, i.step_key, i.step_position, i.next_step_down_key, i.planned_end, "
          + "i.started_at, i.ended_at", (a, rs) -> {
            String step = rs.getString(2);
            int position = rs.getInt(3);
            String next = rs.getString(4);
            long lower = next != null ? cost(next)
                : byPosition.containsKey(position - 1) ? byPosition.get(position - 1).monthlyCost() : 0;
            long diff = cost(step) - lower;
            Instant late = rs.getObject(5, LocalDate.class).plusDays(1).atStartOfDay(zone).toInstant();
            Instant started = instant(rs, 6);
            Instant ended = instant(rs, 7);
            long count = rs.getLong(8);
            double value = 0;
            for (int k = 0; k < begun; k++) {
              Instant s = max(max(bounds.get(k), late), started);
              Instant e = min(min(bounds.get(k + 1), asOf), ended == null ? asOf : ended);
              if (s.isBefore(e)) {
                value += diff * (double) (e.getEpochSecond() - s.getEpochSecond()) / monthSeconds(k);
              }
            }
            a.late.merge(step, value * count, Double::sum);
          });
    }

    long cost(String key) {
      if (key == null || Staircase.ORDINARY_LIFE.equals(key)) {
        return 0;
      }
      Step s = byKey.get(key);
      return s == null ? 0 : s.monthlyCost();
    }

    boolean desired(String indicator) {
      return indicators.stream().filter(i -> i.key().equals(indicator)).findFirst().map(IndicatorInfo::desired)
          .orElse(true);
    }

    String keyAt(int position) {
      Step s = byPosition.get(position);
      return s == null ? "P" + position : s.key();
    }

    Map<String, Long> zeroSteps() {
      Map<String, Long> m = new LinkedHashMap<>();
      steps.forEach(s -> m.put(s.key(), 0L));
      return m;
    }
  }

  @FunctionalInterface
  private interface RowHandler {
    void handle(Acc acc, ResultSet rs) throws SQLException;
  }

  /** One team's (or the total's) grouped rows, added up. */
  private final class Acc {
    final String team;
    final String name;
    long[][] satisfaction;
    final List<Figures.YouthWords> words = new ArrayList<>();
    Map<String, Long>[] perStep;
    long[][] kinds;
    Map<String, Double>[] spendSeconds;
    long[][] moves;
    final Map<String, Long> startSteps = new LinkedHashMap<>();
    final TreeMap<Long, Long> lengths = new TreeMap<>();
    long placementsRunning;
    long[][] progress;
    long stalledCount;
    final List<Figures.Stalled> stalled = new ArrayList<>();
    final Map<String, long[]> outcomeSteps = new TreeMap<>();
    final Map<String, long[]> outcomeMonths = new TreeMap<>();
    final long[] safety = new long[4];
    Map<String, Long>[] intakeBySource;
    long[][] intake;
    final Map<String, double[]> caseload = new TreeMap<>();
    final Map<String, double[]> savings = new TreeMap<>();
    final Map<String, Double> late = new LinkedHashMap<>();
    boolean sized;

    Acc(String team, String name) {
      this.team = team;
      this.name = name;
    }

    @SuppressWarnings("unchecked")
    void size(int n) {
      if (sized) {
        return;
      }
      sized = true;
      satisfaction = new long[n][2];
      perStep = new Map[n];
      spendSeconds = new Map[n];
      intakeBySource = new Map[n];
      for (int k = 0; k < n; k++) {
        perStep[k] = new HashMap<>();
        spendSeconds[k] = new HashMap<>();
        intakeBySource[k] = new TreeMap<>();
      }
      kinds = new long[n][4];
      moves = new long[n][2];
      progress = new long[n][4];
      intake = new long[n][2];
    }

    Figures.TeamFigures build(Query q) {
      int n = q.months.size();
      List<Figures.SatisfactionMonth> sat = new ArrayList<>();
      long meetings = 0;
      long satisfied = 0;
      for (int k = 0; k < n; k++) {
        sat.add(new Figures.SatisfactionMonth(q.months.get(k), satisfaction[k][0], satisfaction[k][1],
            share(satisfaction[k][1], satisfaction[k][0])));
        meetings += satisfaction[k][0];
        satisfied += satisfaction[k][1];
      }
      Double satShare = share(satisfied, meetings);
      int goal = properties.getSatisfactionGoalPercent();
      Figures.Satisfaction satisfactionFigures = new Figures.Satisfaction(sat, meetings, satisfied, satShare, goal,
          satShare == null ? null : satShare * 100 >= goal - 1e-9, List.copyOf(words));

      List<Figures.StepCounts> stepCounts = new ArrayList<>();
      List<Figures.PlacementKinds> kindList = new ArrayList<>();
      List<Figures.Moves> moveList = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        Map<String, Long> m = q.zeroSteps();
        perStep[k].forEach((key, v) -> m.merge(key, v, Long::sum));
        stepCounts.add(new Figures.StepCounts(q.months.get(k), m, m.values().stream().mapToLong(Long::longValue)
            .sum()));
        kindList.add(kinds(q.months.get(k), kinds[k]));
        moveList.add(new Figures.Moves(q.months.get(k), moves[k][0], moves[k][1]));
      }
      Figures.PlacementKinds atEnd = q.begun == 0 ? kinds(null, new long[4]) : kinds(null, kinds[q.begun - 1]);
      Map<String, Long> starts = q.zeroSteps();
      startSteps.forEach((k, v) -> starts.merge(k, v, Long::sum));
      Figures.Flow flow = new Figures.Flow(stepCounts, moveList, starts, lengths(), kindList, atEnd);

      List<Figures.ProgressMonth> progressMonths = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        long[] p = progress[k];
        progressMonths.add(new Figures.ProgressMonth(q.months.get(k), p[0],
            p[0] == 0 ? null : round1((double) p[1] / p[0]), p[2], p[3], share(p[3], p[2])));
      }
      Figures.Progression progression = new Figures.Progression(progressMonths, stalledCount, List.copyOf(stalled));

      List<Figures.OutcomeStep> perStepOutcomes = new ArrayList<>();
      for (IndicatorInfo ind : indicators) {
        for (String step : q.steps.stream().map(Step::key).toList()) {
          long[] c = outcomeSteps.get(ind.key() + "\u0000" + step);
          if (c != null) {
            perStepOutcomes.add(new Figures.OutcomeStep(ind.key(), step, c[0], c[1], share(c[1], c[0])));
          }
        }
        outcomeSteps.forEach((key, c) -> {
          String[] parts = key.split("\u0000", -1);
          if (parts[0].equals(ind.key()) && !q.byKey.containsKey(parts[1])) {
            perStepOutcomes.add(new Figures.OutcomeStep(ind.key(), parts[1].isEmpty() ? null : parts[1], c[0],
                c[1], share(c[1], c[0])));
          }
        });
      }
      List<Figures.OutcomeMonth> perMonthOutcomes = new ArrayList<>();
      for (IndicatorInfo ind : indicators) {
        for (int k = 0; k < n; k++) {
          long[] c = outcomeMonths.getOrDefault(ind.key() + "\u0000" + k, new long[2]);
          perMonthOutcomes.add(new Figures.OutcomeMonth(ind.key(), q.months.get(k), c[0], c[1], share(c[1], c[0])));
        }
      }

      Figures.SafetyPlans safetyPlans = new Figures.SafetyPlans(safety[0], safety[1], share(safety[1], safety[0]),
          safety[2], safety[3], share(safety[3], safety[2]));

      List<Figures.IntakeMonth> intakeMonths = new ArrayList<>();
      Map<String, Long> bySource = new TreeMap<>();
      long received = 0;
      long within = 0;
      for (int k = 0; k < n; k++) {
        intakeMonths.add(new Figures.IntakeMonth(q.months.get(k), Map.copyOf(intakeBySource[k]), intake[k][0],
            intake[k][1], share(intake[k][1], intake[k][0])));
        intakeBySource[k].forEach((s, v) -> bySource.merge(s, v, Long::sum));
        received += intake[k][0];
        within += intake[k][1];
      }
      Figures.Intake intakeFigures = new Figures.Intake(intakeMonths, new TreeMap<>(bySource), received, within,
          share(within, received));

      List<CaseworkerLoad> loads = new ArrayList<>();
      List<CaseworkerLoad> unassigned = new ArrayList<>();
      long open = 0;
      double weighted = 0;
      double assignedWeighted = 0;
      for (Map.Entry<String, double[]> e : caseload.entrySet()) {
        String[] parts = e.getKey().split("\u0000", -1);
        CaseworkerLoad l = new CaseworkerLoad(parts[0], parts[1].isEmpty() ? null : parts[1], (long) e.getValue()[0],
            round2(e.getValue()[1]));
        (l.caseworker() == null ? unassigned : loads).add(l);
        open += l.openCases();
        weighted += e.getValue()[1];
        if (l.caseworker() != null) {
          assignedWeighted += e.getValue()[1];
        }
      }
      int caseworkers = loads.size();
      loads.addAll(unassigned);
      Figures.Caseload caseloadFigures = new Figures.Caseload(loads, open, round2(weighted),
          caseworkers == 0 ? null : round2(assignedWeighted / caseworkers));

      List<Figures.SpendingMonth> spending = new ArrayList<>();
      Map<String, Long> perStepTotal = q.zeroSteps();
      long spendingTotal = 0;
      for (int k = 0; k < n; k++) {
        Map<String, Long> m = q.zeroSteps();
        long monthSeconds = q.monthSeconds(k);
        for (Map.Entry<String, Double> e : spendSeconds[k].entrySet()) {
          long dkk = Math.round(q.cost(e.getKey()) * e.getValue() / monthSeconds);
          m.merge(e.getKey(), dkk, Long::sum);
        }
        long sum = m.values().stream().mapToLong(Long::longValue).sum();
        m.forEach((s, v) -> perStepTotal.merge(s, v, Long::sum));
        spendingTotal += sum;
        spending.add(new Figures.SpendingMonth(q.months.get(k), m, sum));
      }
      List<Figures.Saving> savingList = new ArrayList<>();
      long plannedSavings = 0;
      for (Map.Entry<String, double[]> e : savings.entrySet()) {
        String[] parts = e.getKey().split("\u0000", -1);
        long saving = Math.round(e.getValue()[2]);
        savingList.add(new Figures.Saving(parts[0], parts[1], (long) e.getValue()[0], (long) e.getValue()[1],
            saving));
        plannedSavings += saving;
      }
      savingList.sort(Comparator.comparing(s -> q.byKey.containsKey(s.step()) ? q.byKey.get(s.step()).position()
          : 0));
      Map<String, Long> lateCost = q.zeroSteps();
      late.forEach((s, v) -> lateCost.merge(s, Math.round(v), Long::sum));
      long lateTotal = lateCost.values().stream().mapToLong(Long::longValue).sum();
      Figures.Money money = new Figures.Money(spending, perStepTotal, spendingTotal, savingList, plannedSavings,
          lateCost, lateTotal);

      return new Figures.TeamFigures(team, name, satisfactionFigures, flow, progression,
          new Figures.Outcomes(perStepOutcomes, perMonthOutcomes), safetyPlans, intakeFigures, caseloadFigures,
          money);
    }

    Figures.PlacementLengths lengths() {
      Map<String, Long> buckets = new LinkedHashMap<>();
      BUCKETS.forEach(b -> buckets.put(b, 0L));
      long count = 0;
      for (Map.Entry<Long, Long> e : lengths.entrySet()) {
        double monthsLong = e.getKey() / DAYS_PER_MONTH;
        String bucket = monthsLong < 3 ? BUCKETS.get(0) : monthsLong < 6 ? BUCKETS.get(1) : monthsLong < 12
            ? BUCKETS.get(2) : monthsLong < 24 ? BUCKETS.get(3) : BUCKETS.get(4);
        buckets.merge(bucket, e.getValue(), Long::sum);
        count += e.getValue();
      }
      return new Figures.PlacementLengths(count, median(lengths, count), buckets, placementsRunning);
    }
  }

  /** The median of a histogram of whole days: the middle value, or the mean of the two middle values. */
  static Double median(TreeMap<Long, Long> histogram, long count) {
    if (count == 0) {
      return null;
    }
    long lowIndex = (count - 1) / 2;
    long highIndex = count / 2;
    Long low = null;
    Long high = null;
    long seen = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      long next = seen + e.getValue();
      if (low == null && lowIndex < next) {
        low = e.getKey();
      }
      if (high == null && highIndex < next) {
        high = e.getKey();
        break;
      }
      seen = next;
    }
    return (low + high) / 2.0;
  }

  private static Figures.PlacementKinds kinds(YearMonth month, long[] k) {
    long total = k[0] + k[1] + k[2] + k[3];
    return new Figures.PlacementKinds(month, k[0], k[1], k[2], total, share(k[0], total), share(k[1], total),
        share(k[2], total));
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static OffsetDateTime odt(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

}
