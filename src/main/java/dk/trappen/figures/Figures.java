package dk.trappen.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The strategy's figures over a period, month by month (docs/figures.md defines every measure): one block per team
 * shown, side by side, and the total over those teams. Shares are fractions from 0 to 1, null when nothing was counted;
 * money is in whole DKK; months are calendar months in Europe/Copenhagen.
 *
 * @param asOf the instant the point-in-time figures are taken at: the period's end, or now if that is later
 */
public record Figures(YearMonth from, YearMonth to, Instant asOf, List<YearMonth> months, List<StepInfo> steps,
                      List<IndicatorInfo> indicators, int satisfactionGoalPercent, int stalledAfterMeetings,
                      List<TeamFigures> teams, TeamFigures total) {

  /** A step of the staircase as the figures use it. */
  public record StepInfo(String key, String name, String nameEn, int position, boolean placement,
                         String placementKind, long monthlyCost, double caseloadWeight) {
  }

  /** An outcome indicator (config/outcomes.yml) and its good answer. */
  public record IndicatorInfo(String key, String name, String nameEn, boolean desired) {
  }

  /** One team's figures ({@code team} null: the total over the teams shown). */
  public record TeamFigures(String team, String name, Satisfaction satisfaction, Flow flow, Progression progression,
                            Outcomes outcomes, SafetyPlans safetyPlans, Intake intake, Caseload caseload,
                            Money money) {
  }

  public record Satisfaction(List<SatisfactionMonth> months, long meetings, long satisfied, Double share,
                             int goalPercent, Boolean goalMet, List<YouthWords> words) {
  }

  public record SatisfactionMonth(YearMonth month, long meetings, long satisfied, Double share) {
  }

  /** The youth's own words at a meeting: no name, no case number. */
  public record YouthWords(YearMonth month, int score, String words) {
  }

  public record Flow(List<StepCounts> casesPerStep, List<Moves> moves, Map<String, Long> startSteps,
                     PlacementLengths placementLengths, List<PlacementKinds> placementKinds,
                     PlacementKinds placementKindsAtEnd) {
  }

  /** Cases per step (key, in the staircase's order) at the month's end. */
  public record StepCounts(YearMonth month, Map<String, Long> cases, long total) {
  }

  public record Moves(YearMonth month, long up, long down) {
  }

  /**
   * Placements ended in the period: how many, the median length in days, and the count per length bucket
   * (UNDER_3, FROM_3_TO_6, FROM_6_TO_12, FROM_12_TO_24, FROM_24: months of 30.44 days); {@code running} the placements
   * still running at the period's end.
   */
  public record PlacementLengths(long ended, Double medianDays, Map<String, Long> buckets, long running) {
  }

  /** Running placements by kind at a month's end ({@code month} null: at the period's end). */
  public record PlacementKinds(YearMonth month, long kin, long foster, long institution, long total,
                               Double kinShare, Double fosterShare, Double institutionShare) {
  }

  public record Progression(List<ProgressMonth> months, long stalledCount, List<Stalled> stalled) {
  }

  public record ProgressMonth(YearMonth month, long ratings, Double averageProgress, long withPrevious, long rose,
                              Double shareRose) {
  }

  /** An intervention whose goals have not moved at its case's last N meetings: for review. */
  public record Stalled(String team, String caseNumber, String step, Instant startedAt, long meetings,
                        Double lastProgress) {
  }

  public record Outcomes(List<OutcomeStep> perStep, List<OutcomeMonth> perMonth) {
  }

  /** Answers to an indicator recorded on a step ({@code step} null: no step) in the period. */
  public record OutcomeStep(String indicator, String step, long answers, long desired, Double share) {
  }

  public record OutcomeMonth(String indicator, YearMonth month, long answers, long desired, Double share) {
  }

  public record SafetyPlans(long childrenAtHome, long withPlan, Double share, long reviews, long held,
                            Double heldShare) {
  }

  public record Intake(List<IntakeMonth> months, Map<String, Long> bySource, long received, long assessedWithin24h,
                       Double share) {
  }

  public record IntakeMonth(YearMonth month, Map<String, Long> bySource, long received, long assessedWithin24h,
                            Double share) {
  }

  /** Open cases and weighted caseload per caseworker ({@code caseworker} null: cases nobody holds). */
  public record Caseload(List<CaseworkerLoad> caseworkers, long openCases, double weighted,
                         Double averagePerCaseworker) {
  }

  public record CaseworkerLoad(String team, String caseworker, long openCases, double weighted) {
  }

  public record Money(List<SpendingMonth> spending, Map<String, Long> spendingPerStep, long spendingTotal,
                      List<Saving> savings, long plannedSavings, Map<String, Long> lateCostPerStep, long lateCost) {
  }

  public record SpendingMonth(YearMonth month, Map<String, Long> perStep, long total) {
  }

  /** Planned step-downs from {@code step} to {@code nextStep}: what they save in the 12 months after the period. */
  public record Saving(String step, String nextStep, long interventions, long monthlySaving, long saving) {
  }
}
