package dk.trappen.figures;

import static dk.trappen.figures.FiguresQuery.instant;
import static dk.trappen.figures.FiguresQuery.nz;
import static dk.trappen.figures.FiguresService.STALLED_LISTED;
import static dk.trappen.figures.FiguresService.WORDS;
import static dk.trappen.figures.FiguresTally.round1;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The voice, progress and outcome statements of one request (docs/figures.md): satisfaction, the youth's words,
 * progress, stalled interventions, outcomes, safety plans and intake.
 */
final class FiguresVoiceMeasures {

  private final FiguresQuery q;

  FiguresVoiceMeasures(FiguresQuery q) {
    this.q = q;
  }

  void satisfaction() {
    q.each("select team_code, m, count(*), sum(case when youth_satisfaction >= 4 then 1 else 0 end) from ("
        + "select c.team_code, n.youth_satisfaction, " + q.month("n.held_at") + " as m from network_meeting n "
        + "join youth_case c on c.id = n.case_id where c.team_code in (:teams) and " + q.inPeriod("n.held_at")
        + ") t group by team_code, m", (a, rs) -> {
          long[] c = a.satisfaction[rs.getInt(2)];
          c[0] += rs.getLong(3);
          c[1] += rs.getLong(4);
        });
  }

  /**
   * The latest words per team: one query per team, latest first, stopping at {@value FiguresService#WORDS} (by the
   * index on the meetings' time), all in one statement.
   */
  void words() {
    long started = System.nanoTime();
    List<Object[]> all = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select team_code, held_at, youth_satisfaction, youth_voice from (");
    for (int i = 0; i < q.teams.size(); i++) {
      q.params.addValue("team" + i, q.teams.get(i));
      sql.append(i == 0 ? "" : " union all ").append("(select c.team_code, n.held_at, n.youth_satisfaction, "
          + "n.youth_voice, n.id from network_meeting n join youth_case c on c.id = n.case_id where c.team_code = "
          + ":team").append(i).append(" and ").append(q.inPeriod("n.held_at"))
          .append(" and n.youth_voice is not null and "
          + "trim(n.youth_voice) <> '' order by n.held_at desc, n.id desc fetch next ").append(WORDS)
          .append(" rows only)");
    }
    sql.append(") t order by held_at desc, id desc");
    if (!q.teams.isEmpty()) {
      q.jdbc.query(sql.toString(), q.params, rs -> {
        Instant at = instant(rs, 2);
        Figures.YouthWords w = new Figures.YouthWords(YearMonth.from(at.atZone(q.zone)), rs.getInt(3),
            rs.getString(4).trim());
        FiguresTally a = q.accs.get(rs.getString(1));
        if (a != null) {
          a.words.add(w);
          all.add(new Object[] {at, w});
        }
      });
    }
    all.stream().sorted((x, y) -> ((Instant) y[0]).compareTo((Instant) x[0])).limit(WORDS)
        .forEach(x -> q.total.words.add((Figures.YouthWords) x[1]));
    q.timed(started);
  }

  void progress() {
    // each rating's previous rating of the same goal by a window (a goal's ratings are all on its own case, so in
    // the same team); ratings before the period are read only to be the previous one
    q.each("select team_code, m, count(*), sum(progress), count(prev), sum(case when prev is not null and progress > "
        + "prev then 1 else 0 end) from (select team_code, progress, prev, " + q.month("held_at") + " as m from ("
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
    q.jdbc.query("with running as (select i.id, i.case_id, i.step_key, i.started_at, c.team_code, c.case_number "
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
        + "from rose)) s where k <= " + STALLED_LISTED + " order by team_code, started_at, case_number", q.params,
        rs -> {
          FiguresTally a = q.accs.get(rs.getString(1));
          if (a == null) {
            return;
          }
          double last = rs.getDouble(6);
          Double lastProgress = rs.wasNull() ? null : round1(last); // a last meeting without ratings: none
          Figures.Stalled s = new Figures.Stalled(rs.getString(1), rs.getString(2), rs.getString(3),
              instant(rs, 4), rs.getLong(5), lastProgress);
          if (a.stalled.isEmpty()) {
            a.stalledCount = rs.getLong(7);
            q.total.stalledCount += rs.getLong(7);
          }
          a.stalled.add(s);
          q.total.stalled.add(s);
        });
    // over several teams, the total lists the longest running of them all, as many as one team lists
    q.total.stalled.sort(Comparator.comparing(Figures.Stalled::startedAt).thenComparing(Figures.Stalled::caseNumber));
    if (q.total.stalled.size() > STALLED_LISTED) {
      q.total.stalled.subList(STALLED_LISTED, q.total.stalled.size()).clear();
    }
    q.timed(started);
  }

  void outcomes() {
    q.each("select c.team_code, o.indicator_key, o.step_key, o.achieved, count(*) from outcome_record o join "
        + "youth_case c on c.id = o.case_id where c.team_code in (:teams) and " + q.inPeriod("o.recorded_at")
        + " group by c.team_code, o.indicator_key, o.step_key, o.achieved", (a, rs) -> {
          long[] c = a.outcomeSteps.computeIfAbsent(rs.getString(2) + "\u0000" + nz(rs.getString(3)),
              k -> new long[2]);
          c[0] += rs.getLong(5);
          if (q.desired(rs.getString(2)) == rs.getBoolean(4)) {
            c[1] += rs.getLong(5);
          }
        });
    q.each("select team_code, indicator_key, m, achieved, count(*) from (select c.team_code, o.indicator_key, "
        + q.month("o.recorded_at") + " as m, o.achieved from outcome_record o join youth_case c on c.id = o.case_id "
        + "where c.team_code in (:teams) and " + q.inPeriod("o.recorded_at") + ") t group by team_code, "
        + "indicator_key, m, achieved", (a, rs) -> {
          long[] c = a.outcomeMonths.computeIfAbsent(rs.getString(2) + "\u0000" + rs.getInt(3), k -> new long[2]);
          c[0] += rs.getLong(5);
          if (q.desired(rs.getString(2)) == rs.getBoolean(4)) {
            c[1] += rs.getLong(5);
          }
        });
  }

  void safetyPlans() {
    String running = " i.started_at <= :ref and (i.ended_at is null or i.ended_at > :ref)";
    q.each("select c.team_code, count(*), sum(case when exists (select 1 from safety_plan s join intervention i on "
        + "i.id = s.intervention_id where s.case_id = c.id and s.agreed_at <= :ref and" + running + ") then 1 "
        + "else 0 end) from youth_case c where c.team_code in (:teams) and c.opened_at <= :ref and (c.closed_at "
        + "is null or c.closed_at > :ref) and exists (select 1 from intervention i where i.case_id = c.id and"
        + running + ") and not exists (select 1 from intervention i where i.case_id = c.id and i.placement = true "
        + "and" + running + ") group by c.team_code", (a, rs) -> {
          a.safety[0] += rs.getLong(2);
          a.safety[1] += rs.getLong(3);
        });
    q.each("select c.team_code, count(*), sum(case when r.holds = true then 1 else 0 end) from safety_plan_review r "
        + "join safety_plan s on s.id = r.safety_plan_id join youth_case c on c.id = s.case_id where c.team_code "
        + "in (:teams) and " + q.inPeriod("r.reviewed_at") + " group by c.team_code", (a, rs) -> {
          a.safety[2] += rs.getLong(2);
          a.safety[3] += rs.getLong(3);
        });
  }

  void intake() {
    q.each("select team_code, m, kind, count(*), sum(within) from (select c.team_code, " + q.month("n.received_at")
        + " as m, n.notifier_kind as kind, case when n.assessed_at is not null and n.assessed_at <= n.received_at "
        + "+ interval '24' hour then 1 else 0 end as within from notification n join youth_case c on c.id = "
        + "n.case_id where c.team_code in (:teams) and " + q.inPeriod("n.received_at") + ") t group by team_code, m, "
        + "kind", (a, rs) -> {
          int m = rs.getInt(2);
          a.intakeBySource[m].merge(rs.getString(3), rs.getLong(4), Long::sum);
          a.intake[m][0] += rs.getLong(4);
          a.intake[m][1] += rs.getLong(5);
        });
  }
}
