package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.Map;

/**
 * Builds one configured deadline rule ({@code trappen.deadlines.<kind>}) or escalation tier and validates it, naming
 * the key of every problem: exactly one shape (duration, period, working days, birthday, or a planned end), a basis,
 * an at-risk window that is not negative, a positive lead; a {@code due-with} rule copies another kind's shape.
 * {@link DeadlineRules} calls it for every kind at start-up.
 */
final class DeadlineRuleBuilder {

  private DeadlineRuleBuilder() {
  }

  static DeadlineRule build(DeadlineKind kind, String key, DeadlineProperties.Rule rule, Duration defaultAtRisk,
      LeapDayBirthday leapDay) {
    int shapes = (rule.getDuration() != null ? 1 : 0) + (rule.getPeriod() != null ? 1 : 0)
        + (rule.getWorkingDays() != null ? 1 : 0) + (rule.getBirthday() != null ? 1 : 0)
        + (rule.getDueOn() != null ? 1 : 0);
    if (shapes != 1) {
      throw new IllegalStateException(key + ": set exactly one of duration, period, working-days, birthday or due-on"
          + " (found " + shapes + ")");
    }
    requireBasis(key, rule);
    Duration atRisk = atRisk(key, rule, defaultAtRisk);
    Period lead = rule.getLead() == null ? null : positive(key + ".lead", rule.getLead());
    if (rule.getBefore() != null && rule.getBirthday() == null) {
      throw new IllegalStateException(key + ".before: only applies to a birthday rule");
    }
    if (rule.getAfter() != null && rule.getBirthday() == null) {
      throw new IllegalStateException(key + ".after: only applies to a birthday rule");
    }
    if (rule.getAfter() != null && rule.getBefore() != null) {
      throw new IllegalStateException(key + ": set at most one of before and after");
    }
    if (rule.getDueOn() != null) {
      if (!"planned-end".equals(rule.getDueOn())) {
        throw new IllegalStateException(key + ".due-on: '" + rule.getDueOn() + "' is not a date the deadline can fall"
            + " on; the only one is planned-end");
      }
      if (kind != null && kind != DeadlineKind.PLANNED_END_REVIEW) {
        throw new IllegalStateException(key + ".due-on: only the planned-end-review deadline has a planned end");
      }
      return new DeadlineRule(kind, DeadlineRule.Shape.PLANNED_END, null, null, 0, null, null, lead, atRisk,
          rule.getBasis(), leapDay);
    }
    if (kind == DeadlineKind.PLANNED_END_REVIEW) {
      throw new IllegalStateException(key + ": the review before an intervention's planned end falls on that day; set"
          + " due-on: planned-end (and a lead)");
    }
    if (rule.getDuration() != null) {
      Duration d = DeadlineProperties.parseDuration(key + ".duration", rule.getDuration());
      if (d.isNegative() || d.isZero()) {
        throw new IllegalStateException(key + ".duration: must be positive");
      }
      return new DeadlineRule(kind, DeadlineRule.Shape.DURATION, d, null, 0, null, null, lead, atRisk,
          rule.getBasis(), leapDay);
    }
    if (rule.getPeriod() != null) {
      Period p = positive(key + ".period", rule.getPeriod());
      return new DeadlineRule(kind, DeadlineRule.Shape.PERIOD, null, p, 0, null, null, lead, atRisk,
          rule.getBasis(), leapDay);
    }
    if (rule.getWorkingDays() != null) {
      if (rule.getWorkingDays() < 1 || rule.getWorkingDays() > 250) {
        throw new IllegalStateException(key + ".working-days: must be between 1 and 250, was " + rule.getWorkingDays());
      }
      return new DeadlineRule(kind, DeadlineRule.Shape.WORKING_DAYS, null, null, rule.getWorkingDays(), null, null,
          lead, atRisk, rule.getBasis(), leapDay);
    }
    if (rule.getBirthday() < 1 || rule.getBirthday() > 25) {
      throw new IllegalStateException(key + ".birthday: must be an age between 1 and 25, was " + rule.getBirthday());
    }
    Period before = rule.getBefore() == null ? null : positive(key + ".before", rule.getBefore());
    Period after = rule.getAfter() == null ? null : positive(key + ".after", rule.getAfter());
    return new DeadlineRule(kind, DeadlineRule.Shape.BIRTHDAY, null, null, rule.getBirthday(), before, after, lead,
        atRisk, rule.getBasis(), leapDay);
  }

  /**
   * A rule that falls due with another kind's deadline ({@code due-with}): that kind's shape and amount, with this
   * kind's own at-risk window, lead and basis. The other kind must have a shape of its own (no chains).
   */
  static DeadlineRule buildDueWith(DeadlineKind kind, String key, DeadlineProperties.Rule rule, Duration defaultAtRisk,
      Map<DeadlineKind, DeadlineProperties.Rule> configured, Map<DeadlineKind, DeadlineRule> built) {
    int shapes = (rule.getDuration() != null ? 1 : 0) + (rule.getPeriod() != null ? 1 : 0)
        + (rule.getWorkingDays() != null ? 1 : 0) + (rule.getBirthday() != null ? 1 : 0)
        + (rule.getBefore() != null ? 1 : 0) + (rule.getAfter() != null ? 1 : 0) + (rule.getDueOn() != null ? 1 : 0);
    if (shapes != 0) {
      throw new IllegalStateException(key + ": due-with takes the other kind's rule; set no duration, period, "
          + "working-days, birthday, due-on, before or after beside it");
    }
    DeadlineKind other = Arrays.stream(DeadlineKind.values())
        .filter(k -> k.key().equalsIgnoreCase(rule.getDueWith().trim())
            || k.name().equalsIgnoreCase(rule.getDueWith().trim()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(key + ".due-with: '" + rule.getDueWith()
            + "' is not a deadline kind such as investigation"));
    if (other == kind || configured.get(other) != null && configured.get(other).getDueWith() != null) {
      throw new IllegalStateException(key + ".due-with: '" + rule.getDueWith()
          + "' must be another kind with a rule of its own (duration, period, working-days or birthday)");
    }
    requireBasis(key, rule);
    Duration atRisk = atRisk(key, rule, defaultAtRisk);
    Period lead = rule.getLead() == null ? null : positive(key + ".lead", rule.getLead());
    DeadlineRule target = built.get(other);
    return new DeadlineRule(kind, target.shape(), target.duration(), target.period(), target.count(), target.before(),
        target.after(), lead, atRisk, rule.getBasis(), target.leapDay());
  }

  /**
   * The second escalation tier of {@code kind}: how long after the escalation to the team leader a deadline still
   * not met escalates to the head. A rule without an anchor of its own (no at-risk window, no lead), computed by
   * {@link DeadlineRule#dueAfter} like any anchored deadline.
   */
  static DeadlineRule buildTier(DeadlineKind kind, String key, DeadlineProperties.Tier tier, String basis) {
    int shapes = (tier.getDuration() != null ? 1 : 0) + (tier.getPeriod() != null ? 1 : 0)
        + (tier.getWorkingDays() != null ? 1 : 0);
    if (shapes != 1) {
      throw new IllegalStateException(key + ": set exactly one of duration, period or working-days (found " + shapes
          + ")");
    }
    if (tier.getDuration() != null) {
      Duration d = DeadlineProperties.parseDuration(key + ".duration", tier.getDuration());
      if (d.isNegative() || d.isZero()) {
        throw new IllegalStateException(key + ".duration: must be positive");
      }
      return new DeadlineRule(kind, DeadlineRule.Shape.DURATION, d, null, 0, null, null, null, Duration.ZERO, basis,
          null);
    }
    if (tier.getPeriod() != null) {
      Period p = positive(key + ".period", tier.getPeriod());
      return new DeadlineRule(kind, DeadlineRule.Shape.PERIOD, null, p, 0, null, null, null, Duration.ZERO, basis,
          null);
    }
    if (tier.getWorkingDays() < 1 || tier.getWorkingDays() > 250) {
      throw new IllegalStateException(key + ".working-days: must be between 1 and 250, was " + tier.getWorkingDays());
    }
    return new DeadlineRule(kind, DeadlineRule.Shape.WORKING_DAYS, null, null, tier.getWorkingDays(), null, null,
        null, Duration.ZERO, basis, null);
  }

  private static void requireBasis(String key, DeadlineProperties.Rule rule) {
    if (rule.getBasis() == null || rule.getBasis().isBlank()) {
      throw new IllegalStateException(key + ".basis: missing; name the legal or programme basis of the deadline");
    }
  }

  private static Duration atRisk(String key, DeadlineProperties.Rule rule, Duration defaultAtRisk) {
    Duration atRisk = rule.getAtRisk() == null ? defaultAtRisk
        : DeadlineProperties.parseDuration(key + ".at-risk", rule.getAtRisk());
    if (atRisk.isNegative()) {
      throw new IllegalStateException(key + ".at-risk: must not be negative");
    }
    return atRisk;
  }

  private static Period positive(String key, String value) {
    Period p = DeadlineProperties.parsePeriod(key, value);
    if (p.isNegative() || p.isZero()) {
      throw new IllegalStateException(key + ": must be positive, was " + value);
    }
    return p;
  }
}
