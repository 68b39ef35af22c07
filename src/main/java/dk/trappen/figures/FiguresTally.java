package dk.trappen.figures;

import static dk.trappen.figures.FiguresService.BUCKETS;
import static dk.trappen.figures.FiguresService.DAYS_PER_MONTH;

import dk.trappen.figures.Figures.CaseworkerLoad;
import dk.trappen.figures.Figures.IndicatorInfo;
import dk.trappen.staircase.Step;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One team's (or the total's) grouped rows of one request, added up, and the team's figures built from them. */
final class FiguresTally {

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

  FiguresTally(String team, String name) {
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

  Figures.TeamFigures build(FiguresQuery q) {
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
    int goal = q.properties.getSatisfactionGoalPercent();
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
    for (IndicatorInfo ind : q.indicators) {
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
    for (IndicatorInfo ind : q.indicators) {
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
}
