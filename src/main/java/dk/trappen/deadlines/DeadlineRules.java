package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
      // checked also when every kind sets its own
      DeadlineRuleBuilder.buildTier(null, defaultTierKey, defaultTier, null);
    }
    for (DeadlineKind kind : DeadlineKind.values()) {
      DeadlineProperties.Rule rule = properties.getDeadlines().get(kind);
      String key = "trappen.deadlines." + kind.key();
      if (rule == null) {
        throw new IllegalStateException(key + ": missing; every deadline kind needs a rule (see config/deadlines.yml)");
      }
      if (rule.getDueWith() == null) {
        built.put(kind, DeadlineRuleBuilder.build(kind, key, rule, defaultAtRisk, leapDay));
      }
    }
    for (DeadlineKind kind : DeadlineKind.values()) { // after the others: a due-with rule copies another kind's
      DeadlineProperties.Rule rule = properties.getDeadlines().get(kind);
      String key = "trappen.deadlines." + kind.key();
      if (rule.getDueWith() != null) {
        built.put(kind, DeadlineRuleBuilder.buildDueWith(kind, key, rule, defaultAtRisk,
            properties.getDeadlines(), built));
      }
      if (rule.getEscalateToHead() != null) {
        tiers.put(kind, DeadlineRuleBuilder.buildTier(kind, key + ".escalate-to-head", rule.getEscalateToHead(),
            rule.getBasis()));
      } else if (defaultTier != null) {
        tiers.put(kind, DeadlineRuleBuilder.buildTier(kind, defaultTierKey, defaultTier, rule.getBasis()));
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
