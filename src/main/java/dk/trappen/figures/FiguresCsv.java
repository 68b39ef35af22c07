package dk.trappen.figures;

import java.io.PrintWriter;
import java.time.YearMonth;

/**
 * The figures as CSV in long format, one number a row: measure, team (ALL for the total over the teams shown),
 * month (empty for the whole period or its end), key, value. Shares are fractions from 0 to 1 with a dot.
 */
final class FiguresCsv {

  static final String HEADER = "measure,team,month,key,value";

  private FiguresCsv() {
  }

  static void write(Figures f, PrintWriter out) {
    out.write(HEADER + "\r\n");
    for (Figures.TeamFigures t : f.teams()) {
      block(t, t.team(), out);
    }
    block(f.total(), "ALL", out);
  }

  private static void block(Figures.TeamFigures t, String team, PrintWriter out) {
    Row r = new Row(out, team);
    for (Figures.SatisfactionMonth m : t.satisfaction().months()) {
      r.put("satisfaction", m.month(), "meetings", m.meetings());
      r.put("satisfaction", m.month(), "satisfied", m.satisfied());
      r.put("satisfaction", m.month(), "share", m.share());
    }
    r.put("satisfaction", null, "share", t.satisfaction().share());
    r.put("satisfaction", null, "goal_percent", t.satisfaction().goalPercent());
    for (Figures.StepCounts c : t.flow().casesPerStep()) {
      c.cases().forEach((step, n) -> r.put("cases_per_step", c.month(), step, n));
    }
    for (Figures.Moves m : t.flow().moves()) {
      r.put("moves", m.month(), "up", m.up());
      r.put("moves", m.month(), "down", m.down());
    }
    t.flow().startSteps().forEach((step, n) -> r.put("start_step", null, step, n));
    Figures.PlacementLengths l = t.flow().placementLengths();
    r.put("placement_length", null, "ended", l.ended());
    r.put("placement_length", null, "median_days", l.medianDays());
    l.buckets().forEach((b, n) -> r.put("placement_length", null, b, n));
    r.put("placement_length", null, "running", l.running());
    for (Figures.PlacementKinds k : t.flow().placementKinds()) {
      r.put("placement_kind", k.month(), "kin", k.kin());
      r.put("placement_kind", k.month(), "foster", k.foster());
      r.put("placement_kind", k.month(), "institution", k.institution());
    }
    for (Figures.ProgressMonth p : t.progression().months()) {
      r.put("progress", p.month(), "ratings", p.ratings());
      r.put("progress", p.month(), "average", p.averageProgress());
      r.put("progress", p.month(), "share_rose", p.shareRose());
    }
    r.put("stalled", null, "count", t.progression().stalledCount());
    for (Figures.OutcomeStep o : t.outcomes().perStep()) {
      String key = o.indicator() + ":" + (o.step() == null ? "NONE" : o.step());
      r.put("outcome", null, key + ":answers", o.answers());
      r.put("outcome", null, key + ":desired", o.desired());
    }
    for (Figures.OutcomeMonth o : t.outcomes().perMonth()) {
      r.put("outcome_month", o.month(), o.indicator() + ":answers", o.answers());
      r.put("outcome_month", o.month(), o.indicator() + ":desired", o.desired());
    }
    Figures.SafetyPlans s = t.safetyPlans();
    r.put("safety_plans", null, "children_at_home", s.childrenAtHome());
    r.put("safety_plans", null, "with_plan", s.withPlan());
    r.put("safety_plans", null, "reviews", s.reviews());
    r.put("safety_plans", null, "held", s.held());
    for (Figures.IntakeMonth m : t.intake().months()) {
      m.bySource().forEach((source, n) -> r.put("intake", m.month(), source, n));
      r.put("intake", m.month(), "received", m.received());
      r.put("intake", m.month(), "assessed_within_24h", m.assessedWithin24h());
    }
    for (Figures.CaseworkerLoad c : t.caseload().caseworkers()) {
      String who = c.caseworker() == null ? "UNASSIGNED" : c.caseworker();
      r.put("caseload", null, c.team() + ":" + who + ":open", c.openCases());
      r.put("caseload", null, c.team() + ":" + who + ":weighted", c.weighted());
    }
    for (Figures.SpendingMonth m : t.money().spending()) {
      m.perStep().forEach((step, dkk) -> r.put("spending", m.month(), step, dkk));
    }
    r.put("spending", null, "total", t.money().spendingTotal());
    for (Figures.Saving sv : t.money().savings()) {
      r.put("planned_saving", null, sv.step() + ">" + sv.nextStep(), sv.saving());
    }
    r.put("planned_saving", null, "total", t.money().plannedSavings());
    t.money().lateCostPerStep().forEach((step, dkk) -> r.put("late_step_down_cost", null, step, dkk));
    r.put("late_step_down_cost", null, "total", t.money().lateCost());
  }

  private record Row(PrintWriter out, String team) {
    void put(String measure, YearMonth month, String key, Object value) {
      out.write(measure + "," + quote(team) + "," + (month == null ? "" : month.toString()) + "," + quote(key) + ","
          + (value == null ? "" : value.toString()) + "\r\n");
    }

    static String quote(String s) {
      if (s == null) {
        return "";
      }
      String safe = s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" + s : s;
      return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
  }
}
