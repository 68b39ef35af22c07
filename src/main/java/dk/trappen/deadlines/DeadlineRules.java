package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The validated deadline rules and the calendar they count working days in. Built once at startup from
 * {@link DeadlineProperties}; any bad entry stops startup with an {@link IllegalStateException} naming the key.
 */
@Component
public class DeadlineRules {

  private final ZoneId zone;
  private final WorkingDayCalendar calendar;
  private final LeapDayBirthday leapDay;
  private final Map<DeadlineKind, DeadlineRule> rules;
  private final Map<DeadlineKind, DeadlineRule> headTiers;

  public DeadlineRules(DeadlineProperties properties) {
    this.zone = zone(properties.getZone());
    String country = properties.getCalendar().getHolidayCountry();
    if (country == null || country.isBlank()) {
      throw new IllegalStateException("trappen.calendar.holiday-country: must name a country, e.g. DK");
    }
    Set<LocalDate> closingDays = CalendarSettings.closingDays("trappen.calendar.closing-days",
        properties.getCalendar().getClosingDays());
    Set<MonthDay> yearlyClosingDays = CalendarSettings.yearlyClosingDays("trappen.calendar.yearly-closing-days",
        properties.getCalendar().getYearlyClosingDays());
    this.leapDay = LeapDayBirthday.parse("trappen.calendar.leap-day-birthday",
        properties.getCalendar().getLeapDayBirthday());
    try {
      this.calendar = new WorkingDayCalendar(country, closingDays, yearlyClosingDays);
      calendar.publicHolidays(2026);
    } catch (RuntimeException e) {
      throw new IllegalStateException("trappen.calendar.holiday-country: no holiday calendar for '" + country + "'", e);
    }
    Duration defaultAtRisk = DeadlineProperties.parseDuration("trappen.deadline-defaults.at-risk",
        properties.getDeadlineDefaults().getAtRisk());
    Map<DeadlineKind, DeadlineRule> built = new EnumMap<>(DeadlineKind.class);
    Map<DeadlineKind, DeadlineRule> tiers = new EnumMap<>(DeadlineKind.class);
    String defaultTierKey = "trappen.deadline-defaults.escalate-to-head";
    DeadlineProperties.Tier defaultTier = properties.getDeadlineDefaults().getEscalateToHead();
    if (defaultTier != null) {
      buildTier(null, defaultTierKey, defaultTier, null); // checked also when every kind sets its own
    }
    for (DeadlineKind kind : DeadlineKind.values()) {
      DeadlineProperties.Rule rule = properties.getDeadlines().get(kind);
      String key = "trappen.deadlines." + kind.key();
      if (rule == null) {
        throw new IllegalStateException(key + ": missing; every deadline kind needs a rule (see config/deadlines.yml)");
      }
      if (rule.getDueWith() == null) {
        built.put(kind, build(kind, key, rule, defaultAtRisk, leapDay));
      }
    }
    for (DeadlineKind kind : DeadlineKind.values()) { // after the others: a due-with rule copies another kind's
      DeadlineProperties.Rule rule = properties.getDeadlines().get(kind);
      String key = "trappen.deadlines." + kind.key();
      if (rule.getDueWith() != null) {
        built.put(kind, buildDueWith(kind, key, rule, defaultAtRisk, properties.getDeadlines(), built));
      }
      if (rule.getEscalateToHead() != null) {
        tiers.put(kind, buildTier(kind, key + ".escalate-to-head", rule.getEscalateToHead(), rule.getBasis()));
      } else if (defaultTier != null) {
        tiers.put(kind, buildTier(kind, defaultTierKey, defaultTier, rule.getBasis()));
      } else {
        throw new IllegalStateException(key + ".escalate-to-head: missing, and no " + defaultTierKey
            + " to fall back on (see config/deadlines.yml)");
      }
    }
    this.rules = Collections.unmodifiableMap(built);
    this.headTiers = Collections.unmodifiableMap(tiers);
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value);
    } catch (RuntimeException e) {
      throw new IllegalStateException("trappen.zone: '" + value + "' is not a time zone such as Europe/Copenhagen");
    }
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
    if (rule.getBasis() == null || rule.getBasis().isBlank()) {
      throw new IllegalStateException(key + ".basis: missing; name the legal or programme basis of the deadline");
    }
    Duration atRisk = rule.getAtRisk() == null ? defaultAtRisk
        : DeadlineProperties.parseDuration(key + ".at-risk", rule.getAtRisk());
    if (atRisk.isNegative()) {
      throw new IllegalStateException(key + ".at-risk: must not be negative");
    }
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
    if (rule.getBasis() == null || rule.getBasis().isBlank()) {
      throw new IllegalStateException(key + ".basis: missing; name the legal or programme basis of the deadline");
    }
    Duration atRisk = rule.getAtRisk() == null ? defaultAtRisk
        : DeadlineProperties.parseDuration(key + ".at-risk", rule.getAtRisk());
    if (atRisk.isNegative()) {
      throw new IllegalStateException(key + ".at-risk: must not be negative");
    }
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

  private static Period positive(String key, String value) {
    Period p = DeadlineProperties.parsePeriod(key, value);
    if (p.isNegative() || p.isZero()) {
      throw new IllegalStateException(key + ": must be positive, was " + value);
    }
    return p;
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /** When a child born 29 February has its birthday in other years (trappen.calendar.leap-day-birthday). */
  public LeapDayBirthday leapDay() {
    return leapDay;
  }

  /** The start of the child's Nth birthday (age is reached at the start of the day). */
  public ZonedDateTime startOfBirthday(LocalDate birthDate, int years) {
    return leapDay.birthday(birthDate, years).atStartOfDay(zone);
  }

  public DeadlineRule rule(DeadlineKind kind) {
    return rules.get(kind);
  }

  /** The second escalation tier of {@code kind} (shape DURATION, PERIOD or WORKING_DAYS). */
  public DeadlineRule headTier(DeadlineKind kind) {
    return headTiers.get(kind);
  }

  /**
   * When a deadline of {@code kind} escalated to the team leader at {@code escalatedAt}, and still not met, escalates
   * to the head of department.
   */
  public Instant headDueAfter(DeadlineKind kind, Instant escalatedAt) {
    return headTiers.get(kind).dueAfter(escalatedAt, zone, calendar, null).toInstant();
  }

  /** A computed deadline: due time, start of its at-risk window, and how it was computed. */
  public record Computed(DeadlineKind kind, ZonedDateTime anchor, ZonedDateTime due, ZonedDateTime atRiskFrom,
                         ZonedDateTime opensAt, String ruleText, String basis) {
  }

  /** Computes an anchored deadline; {@code periodOverride} replaces a period rule's period (later follow-ups). */
  public Computed compute(DeadlineKind kind, Instant anchor, Period periodOverride) {
    DeadlineRule rule = rules.get(kind);
    ZonedDateTime start = anchor.atZone(zone);
    ZonedDateTime due = rule.dueAfter(anchor, zone, calendar, periodOverride);
    return new Computed(kind, start, due, due.minus(rule.atRisk()), rule.opensAt(due),
        rule.describe(start, periodOverride), rule.basis());
  }

  /** Computes a birthday deadline. */
  public Computed computeForBirthDate(DeadlineKind kind, LocalDate birthDate) {
    DeadlineRule rule = rules.get(kind);
    ZonedDateTime due = rule.dueForBirthDate(birthDate, zone);
    return new Computed(kind, birthDate.atStartOfDay(zone), due, due.minus(rule.atRisk()),
        rule.opensForBirthDate(birthDate, zone),
        rule.describe(birthDate.atStartOfDay(zone), null), rule.basis());
  }

  /** Computes a planned-end deadline: due by the end of {@code plannedEnd}, opening {@code lead} before. */
  public Computed computeForPlannedEnd(DeadlineKind kind, LocalDate plannedEnd) {
    DeadlineRule rule = rules.get(kind);
    ZonedDateTime due = rule.dueForPlannedEnd(plannedEnd, zone);
    ZonedDateTime anchor = plannedEnd.atStartOfDay(zone);
    return new Computed(kind, anchor, due, due.minus(rule.atRisk()), rule.opensAt(due), rule.describe(anchor, null),
        rule.basis());
  }

  public boolean isBirthdayRule(DeadlineKind kind) {
    return rules.get(kind).shape() == DeadlineRule.Shape.BIRTHDAY;
  }
}
