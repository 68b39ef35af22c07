package dk.trappen.figures;

import static dk.trappen.figures.FiguresQuery.instant;
import static dk.trappen.figures.FiguresQuery.max;
import static dk.trappen.figures.FiguresQuery.min;
import static dk.trappen.figures.FiguresQuery.nz;

import dk.trappen.staircase.HelpCategory;
import dk.trappen.staircase.Step;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow and money statements of one request (docs/figures.md): cases per step, placement kinds, spending, moves,
 * start steps, placement lengths, caseload, planned savings and late step-downs.
 */
final class FiguresFlowMeasures {

  private final FiguresQuery q;

  FiguresFlowMeasures(FiguresQuery q) {
    this.q = q;
  }

  /**
   * Whether another intervention of the same case ran at some instant while {@code i} ran. Without one, {@code i} is
   * its case's only running intervention whenever it runs; with one, every intervention running beside it has one too.
   */
  private static final String OVERLAPPED = "exists (select 1 from intervention o where o.case_id = i.case_id and "
      + "o.id <> i.id and o.started_at is not null and (i.ended_at is null or o.started_at < i.ended_at) and "
      + "(o.ended_at is null or o.ended_at > i.started_at))";

  /**
   * An intervention no other of its case overlaps counts on its own step at the ends of the months it runs at, grouped
   * by the first and the last of them (no row per month). Interventions overlapping another of their case (rare)
   * come back one case at a time ({@code ocase}), and each month's end counts the case once on its most intrusive
   * step running then.
   */
  void casesPerStep() {
    long started = System.nanoTime();
    Map<String, Map<Long, List<int[]>>> overlapped = new LinkedHashMap<>();
    q.jdbc.query("select team_code, ocase, pos, fm, lm, count(*) from (select c.team_code, case when " + OVERLAPPED
        + " then i.case_id end as ocase, i.step_position as pos, " + q.endsBefore("i.started_at") + " as fm, "
        + q.endsBefore("i.ended_at") + " as lm from intervention i join youth_case c on c.id = i.case_id where "
        + "c.team_code in (:teams) and i.started_at <= :me" + (q.begun - 1) + " and (i.ended_at is null or "
        + "i.ended_at > :me0)) t group by team_code, ocase, pos, fm, lm", q.params, rs -> {
          FiguresTally a = q.accs.get(rs.getString(1));
          if (a == null) {
            return;
          }
          long ocase = rs.getLong(2);
          boolean alone = rs.wasNull();
          int[] run = {rs.getInt(3), rs.getInt(4), rs.getInt(5)};
          if (!alone) {
            overlapped.computeIfAbsent(a.team, t -> new LinkedHashMap<>())
                .computeIfAbsent(ocase, c -> new ArrayList<>()).add(run);
            return;
          }
          String step = q.keyAt(run[0]);
          for (int m = run[1]; m < run[2]; m++) {
            a.perStep[m].merge(step, rs.getLong(6), Long::sum);
            q.total.perStep[m].merge(step, rs.getLong(6), Long::sum);
          }
        });
    overlapped.forEach((team, cases) -> cases.values().forEach(runs -> {
      for (int m = 0; m < q.begun; m++) {
        int top = Integer.MIN_VALUE;
        for (int[] run : runs) {
          if (run[1] <= m && m < run[2]) {
            top = Math.max(top, run[0]);
          }
        }
        if (top != Integer.MIN_VALUE) {
          q.accs.get(team).perStep[m].merge(q.keyAt(top), 1L, Long::sum);
          q.total.perStep[m].merge(q.keyAt(top), 1L, Long::sum);
        }
      }
    }));
    q.timed(started);
  }

  /** Running placements at the ends of the months, grouped by the first and the last month end they run at. */
  void placementKinds() {
    int last = q.begun - 1;
    q.each("select team_code, step_key, fm, lm, count(*) from (select c.team_code, i.step_key, "
        + q.endsBefore("i.started_at") + " as fm, " + q.endsBefore("i.ended_at") + " as lm from intervention i join "
        + "youth_case c on c.id = i.case_id where c.team_code in (:teams) and i.placement = true and i.started_at <= "
        + ":me" + last + " and (i.ended_at is null or i.ended_at > :me0)) t group by team_code, step_key, fm, lm",
        (a, rs) -> {
          Step s = q.byKey.get(rs.getString(2));
          HelpCategory kind = s == null ? null : s.placementKind();
          int slot = kind == HelpCategory.KIN_PLACEMENT ? 0 : kind == HelpCategory.FOSTER_FAMILY ? 1
              : kind == HelpCategory.INSTITUTION ? 2 : 3;
          for (int m = rs.getInt(3); m < rs.getInt(4); m++) {
            a.kinds[m][slot] += rs.getLong(5);
          }
        });
  }

  /**
   * The seconds run in each month per step, as differences of F(t), the seconds run before instant t: grouped by the
   * month bounds each intervention starts and ends between, with the sums of their starts and ends (no row per month);
   * added up exactly (decimal) before each month's seconds become a double, as the sum in SQL did.
   */
  void spending() {
    long started = System.nanoTime();
    int b = q.begun;
    // the month bounds: the period's start, then each begun month's (capped) end
    BigDecimal[] points = new BigDecimal[b + 1];
    StringBuilder from = new StringBuilder("case when i.started_at < :b0 then 0");
    StringBuilder to = new StringBuilder("case when i.ended_at is null then " + (b + 1) + " when i.ended_at <= :b0 "
        + "then 0");
    points[0] = seconds(q.bounds.get(0));
    for (int k = 0; k < b; k++) {
      points[k + 1] = seconds(q.end(k));
      from.append(" when i.started_at < :me").append(k).append(" then ").append(k + 1);
      to.append(" when i.ended_at <= :me").append(k).append(" then ").append(k + 1);
    }
    from.append(" else ").append(b + 1).append(" end");
    to.append(" else ").append(b + 1).append(" end");
    Map<String, Map<String, BigDecimal[]>> before = new LinkedHashMap<>();
    String sql = "select team_code, step_key, a, z, count(*), sum(st), sum(en) from (select c.team_code, i.step_key, "
        + from + " as a, " + to + " as z, extract(epoch from i.started_at) as st, extract(epoch from i.ended_at) as "
        + "en from intervention i join youth_case c on c.id = i.case_id where c.team_code in (:teams) and "
        + "i.started_at < :me" + (b - 1) + " and (i.ended_at is null or i.ended_at > :b0)) t group by team_code, "
        + "step_key, a, z";
    q.jdbc.query(sql, q.params, rs -> {
      if (!q.accs.containsKey(rs.getString(1))) {
        return;
      }
      BigDecimal[] f = before.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
          .computeIfAbsent(rs.getString(2), s -> zeros(b + 1));
      int a = rs.getInt(3);
      int z = rs.getInt(4);
      BigDecimal count = BigDecimal.valueOf(rs.getLong(5));
      BigDecimal starts = rs.getBigDecimal(6);
      BigDecimal ends = rs.getBigDecimal(7);
      // F(t_j) gains (end - start) from those ended by t_j, (t_j - start) from those started before t_j still running
      for (int j = a; j <= b; j++) {
        f[j] = f[j].add(j >= z ? ends.subtract(starts) : points[j].multiply(count).subtract(starts));
      }
    });
    before.forEach((team, steps) -> steps.forEach((step, f) -> {
      for (int k = 0; k < b; k++) {
        BigDecimal run = f[k + 1].subtract(f[k]);
        if (run.signum() != 0) {
          q.accs.get(team).spendSeconds[k].merge(step, run.doubleValue(), Double::sum);
          q.total.spendSeconds[k].merge(step, run.doubleValue(), Double::sum);
        }
      }
    }));
    q.timed(started);
  }

  private static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9));
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] z = new BigDecimal[n];
    Arrays.fill(z, BigDecimal.ZERO);
    return z;
  }

  void moves() {
    q.each("select team_code, m, sum(up), sum(down) from (select c.team_code, " + q.month("i.started_at") + " as m, "
        + "case when i.step_position > r.step_position then 1 else 0 end as up, case when i.step_position < "
        + "r.step_position then 1 else 0 end as down from intervention i join intervention r on r.id = "
        + "i.replaces_id join youth_case c on c.id = i.case_id where c.team_code in (:teams) and "
        + q.inPeriod("i.started_at") + ") t group by team_code, m", (a, rs) -> {
          a.moves[rs.getInt(2)][0] += rs.getLong(3);
          a.moves[rs.getInt(2)][1] += rs.getLong(4);
        });
  }

  void startSteps() {
    q.each("select c.team_code, i.step_key, count(*) from intervention i join youth_case c on c.id = i.case_id "
        + "where c.team_code in (:teams) and " + q.inPeriod("i.started_at") + " and i.replaces_id is null and not "
        + "exists (select 1 from intervention e where e.case_id = i.case_id and e.id <> i.id and e.started_at < "
        + "i.started_at) group by c.team_code, i.step_key",
        (a, rs) -> a.startSteps.merge(rs.getString(2), rs.getLong(3), Long::sum));
  }

  void placementLengths() {
    q.each("select team_code, days, count(*) from (select c.team_code, extract(day from (i.ended_at - "
        + "i.started_at)) as days from intervention i join youth_case c on c.id = i.case_id where c.team_code in "
        + "(:teams) and i.placement = true and i.started_at is not null and " + q.inPeriod("i.ended_at")
        + ") t group by team_code, days",
        (a, rs) -> a.lengths.merge(rs.getLong(2), rs.getLong(3), Long::sum));
    q.each("select c.team_code, count(*) from intervention i join youth_case c on c.id = i.case_id where "
        + "c.team_code in (:teams) and i.placement = true and i.started_at <= :ref and (i.ended_at is null or "
        + "i.ended_at > :ref) group by c.team_code", (a, rs) -> a.placementsRunning += rs.getLong(2));
  }

  void caseload() {
    q.each("select c.team_code, c.caseworker, x.pos, count(*) from youth_case c left join (select i.case_id, "
        + "max(i.step_position) as pos from intervention i join youth_case c2 on c2.id = i.case_id where "
        + "c2.team_code in (:teams) and i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref) group "
        + "by i.case_id) x on x.case_id = c.id where c.team_code in (:teams) and c.opened_at <= :ref and "
        + "(c.closed_at is null or c.closed_at > :ref) group by c.team_code, c.caseworker, x.pos", (a, rs) -> {
          String who = rs.getString(2);
          int pos = rs.getInt(3);
          Step s = rs.wasNull() ? null : q.byPosition.get(pos);
          double weight = s == null ? q.properties.getWeightWithoutStep() : s.caseloadWeight();
          double[] c = a.caseload.computeIfAbsent(rs.getString(1) + "\u0000" + nz(who), k -> new double[2]);
          c[0] += rs.getLong(4);
          c[1] += rs.getLong(4) * weight;
        });
  }

  void savings() {
    Instant end = q.bounds.get(q.months.size());
    YearMonth after = q.to.plusMonths(1);
    q.each("select c.team_code, i.step_key, i.next_step_down_key, i.planned_end, count(*) from intervention i join "
        + "youth_case c on c.id = i.case_id where c.team_code in (:teams) and i.next_step_down_key is not null and "
        + "i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref) group by c.team_code, i.step_key, "
        + "i.next_step_down_key, i.planned_end", (a, rs) -> {
          String step = rs.getString(2);
          String next = rs.getString(3);
          LocalDate planned = rs.getObject(4, LocalDate.class);
          long count = rs.getLong(5);
          long monthly = q.cost(step) - q.cost(next);
          Instant stepDown = planned.plusDays(1).atStartOfDay(q.zone).toInstant();
          Instant savingFrom = stepDown.isAfter(end) ? stepDown : end;
          double fraction = 0;
          for (int k = 0; k < 12; k++) {
            Instant s = q.start(after.plusMonths(k));
            Instant e = q.start(after.plusMonths(k + 1));
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
    if (q.begun == 0) {
      return;
    }
    q.params.addValue("lastPlanned", q.asOf.atZone(q.zone).toLocalDate());
    q.each("select c.team_code, i.step_key, i.step_position, i.next_step_down_key, i.planned_end, i.started_at, "
        + "i.ended_at, count(*) from intervention i join youth_case c on c.id = i.case_id where c.team_code in "
        + "(:teams) and i.started_at < :ref and i.planned_end < :lastPlanned and (i.ended_at is null or i.ended_at "
        + "> :b0) group by c.team_code, i.step_key, i.step_position, i.next_step_down_key, i.planned_end, "
        + "i.started_at, i.ended_at", (a, rs) -> {
          String step = rs.getString(2);
          int position = rs.getInt(3);
          String next = rs.getString(4);
          long lower = next != null ? q.cost(next)
              : q.byPosition.containsKey(position - 1) ? q.byPosition.get(position - 1).monthlyCost() : 0;
          long diff = q.cost(step) - lower;
          Instant late = rs.getObject(5, LocalDate.class).plusDays(1).atStartOfDay(q.zone).toInstant();
          Instant started = instant(rs, 6);
          Instant ended = instant(rs, 7);
          long count = rs.getLong(8);
          double value = 0;
          for (int k = 0; k < q.begun; k++) {
            Instant s = max(max(q.bounds.get(k), late), started);
            Instant e = min(min(q.bounds.get(k + 1), q.asOf), ended == null ? q.asOf : ended);
            if (s.isBefore(e)) {
              value += diff * (double) (e.getEpochSecond() - s.getEpochSecond()) / q.monthSeconds(k);
            }
          }
          a.late.merge(step, value * count, Double::sum);
        });
  }
}
