package dk.trappen.figures;

import dk.trappen.figures.Figures.IndicatorInfo;
import dk.trappen.figures.Figures.StepInfo;
import dk.trappen.org.OrgService;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One request's figures: the months' instants, the SQL parameters and the accumulated grouped rows per team and in
 * total. The statements themselves are {@link FiguresVoiceMeasures} (satisfaction, words, progress, stalled,
 * outcomes, safety plans, intake) and {@link FiguresFlowMeasures} (steps, placements, moves, caseload, money).
 */
final class FiguresQuery {

  private static final Logger log = LoggerFactory.getLogger(FiguresQuery.class);

  final NamedParameterJdbcTemplate jdbc;
  final FiguresProperties properties;
  final ZoneId zone;
  final List<IndicatorInfo> indicators;
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
  final Map<String, FiguresTally> accs = new LinkedHashMap<>();
  final FiguresTally total;
  final List<Step> steps;
  final Map<String, Step> byKey;
  final Map<Integer, Step> byPosition;

  FiguresQuery(NamedParameterJdbcTemplate jdbc, FiguresProperties properties, Staircase staircase, OrgService org,
      Instant now, ZoneId zone, List<IndicatorInfo> indicators, List<String> teams, YearMonth from, YearMonth to) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.zone = zone;
    this.indicators = indicators;
    this.steps = staircase.steps().stream().sorted(Comparator.comparingInt(Step::position)).toList();
    this.byKey = steps.stream().collect(Collectors.toMap(Step::key, Function.identity()));
    this.byPosition = steps.stream().collect(Collectors.toMap(Step::position, Function.identity()));
    this.teams = teams;
    this.from = from;
    this.to = to;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
      bounds.add(start(m));
    }
    bounds.add(start(to.plusMonths(1)));
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
    for (int k = 0; k < begun; k++) {
      params.addValue("me" + k, odt(end(k)));
    }
    Map<String, String> names = new HashMap<>();
    org.teams().forEach(t -> names.put(t.getCode(), t.getName()));
    for (String t : teams) {
      accs.put(t, new FiguresTally(t, names.getOrDefault(t, t)));
    }
    total = new FiguresTally(null, null);
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

  /** The end of begun month k, capped at asOf: the instant the point-in-time figures of month k are taken at. */
  Instant end(int k) {
    return bounds.get(k + 1).isBefore(asOf) ? bounds.get(k + 1) : asOf;
  }

  /**
   * How many of the begun months' (capped) ends lie before an instant column: 0 to {@link #begun}, and
   * {@link #begun} for null (never). An interval [started_at, ended_at) runs at the ends of the months from
   * {@code endsBefore(started_at)} up to, not including, {@code endsBefore(ended_at)}.
   */
  String endsBefore(String column) {
    StringBuilder sql = new StringBuilder("case when ").append(column).append(" is null then ").append(begun);
    for (int k = 0; k < begun; k++) {
      sql.append(" when ").append(column).append(" <= :me").append(k).append(" then ").append(k);
    }
    return sql.append(" else ").append(begun).append(" end").toString();
  }

  void each(String sql, RowHandler handler) {
    long started = System.nanoTime();
    jdbc.query(sql, params, rs -> {
      String team = rs.getString(1);
      FiguresTally acc = accs.get(team);
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
    FiguresVoiceMeasures voice = new FiguresVoiceMeasures(this);
    FiguresFlowMeasures flow = new FiguresFlowMeasures(this);
    voice.satisfaction();
    voice.words();
    if (begun > 0) {
      flow.casesPerStep();
      flow.placementKinds();
      flow.spending();
    }
    flow.moves();
    flow.startSteps();
    flow.placementLengths();
    voice.progress();
    voice.stalled();
    voice.outcomes();
    voice.safetyPlans();
    voice.intake();
    flow.caseload();
    flow.savings();
    flow.lateStepDowns();
    List<StepInfo> stepInfos = steps.stream().map(s -> new StepInfo(s.key(), s.name(), s.nameEn(), s.position(),
        s.placement(), s.placementKind() == null ? null : s.placementKind().name(), s.monthlyCost(),
        s.caseloadWeight())).toList();
    return new Figures(from, to, asOf, List.copyOf(months), stepInfos, indicators,
        properties.getSatisfactionGoalPercent(), properties.getStalledAfterMeetings(),
        accs.values().stream().map(a -> a.build(this)).toList(), total.build(this));
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

  @FunctionalInterface
  interface RowHandler {
    void handle(FiguresTally tally, ResultSet rs) throws SQLException;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  static OffsetDateTime odt(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
