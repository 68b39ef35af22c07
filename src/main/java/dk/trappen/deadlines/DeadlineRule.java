package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One validated deadline rule. Exactly one of the five shapes applies:
 * <ul>
 *   <li>{@link Shape#DURATION}: exact elapsed time from the anchor (24 real hours also across a DST change);</li>
 *   <li>{@link Shape#PERIOD}: calendar months/days from the anchor's local date; due at the end of the last day;</li>
 *   <li>{@link Shape#WORKING_DAYS}: the Nth working day after the anchor's local date; due at the end of that day;</li>
 *   <li>{@link Shape#BIRTHDAY}: the child's Nth birthday, less {@code before} or plus {@code after}; due at the end of
 *       that day.</li>
 *   <li>{@link Shape#PLANNED_END}: an intervention's planned-end day; due at the end of that day, its task opening at
 *       the start of the day {@code lead} before.</li>
 * </ul>
 * A deadline counted in days or months runs out at the end of its last day (the general rule of Danish administrative
 * law). The end of a day is its last whole second, 23:59:59 local ({@link #endOfDay}): no fractions, so the register
 * (H2, PostgreSQL) and Camunda's millisecond dates hold exactly the same instant; {@link DueTime} compares in whole
 * seconds, so that second still belongs to the day.
 */
public record DeadlineRule(
    DeadlineKind kind,
    Shape shape,
    Duration duration,
    Period period,
    int count,
    Period before,
    Period after,
    Period lead,
    Duration atRisk,
    String basis,
    LeapDayBirthday leapDay) {

  public enum Shape { DURATION, PERIOD, WORKING_DAYS, BIRTHDAY, PLANNED_END }

  /** The last whole second of a day: when a deadline counted in days or months runs out. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm XXX");

  /** The end of {@code day} in {@code zone}: 23:59:59 local, with that day's offset. */
  public static ZonedDateTime endOfDay(LocalDate day, ZoneId zone) {
    return ZonedDateTime.of(day, END_OF_DAY, zone);
  }

  /** The due time for an anchored rule (duration, period or working days). */
  public ZonedDateTime dueAfter(Instant anchor, ZoneId zone, WorkingDayCalendar calendar, Period periodOverride) {
    ZonedDateTime start = anchor.atZone(zone);
    return switch (shape) {
      case DURATION -> start.plus(duration);
      case PERIOD -> endOfDay(start.toLocalDate().plus(periodOverride != null ? periodOverride : period), zone);
      case WORKING_DAYS -> endOfDay(calendar.addWorkingDays(start.toLocalDate(), count), zone);
      case BIRTHDAY -> throw new IllegalStateException(kind + " is computed from a birth date, not an anchor time");
      case PLANNED_END -> throw new IllegalStateException(kind + " is computed from a planned end, not an anchor time");
    };
  }

  /**
   * The due time for a planned-end rule: the end of the planned-end day, so that the review may be made on the day
   * itself.
   */
  public ZonedDateTime dueForPlannedEnd(LocalDate plannedEnd, ZoneId zone) {
    if (shape != Shape.PLANNED_END) {
      throw new IllegalStateException(kind + " is not computed from a planned end");
    }
    return endOfDay(plannedEnd, zone);
  }

  /** The last day of a birthday rule: the Nth birthday, less {@code before} or plus {@code after}. */
  public LocalDate lastDayForBirthDate(LocalDate birthDate) {
    return shifted(birthday(birthDate));
  }

  /**
   * When the task of a birthday rule opens: the start of the day {@code lead} before its last day, counted on the
   * birthday (the Nth birthday less the lead, then less {@code before} or plus {@code after}), so that a youth plan
   * due 3 months after the 16th birthday with a lead of 3 months opens on the 16th birthday itself, also when the
   * month has no such day (born 30 November: due 28 February, opens 30 November).
   */
  public ZonedDateTime opensForBirthDate(LocalDate birthDate, ZoneId zone) {
    LocalDate birthday = birthday(birthDate);
    return (lead == null ? shifted(birthday) : shifted(birthday.minus(lead))).atStartOfDay(zone);
  }

  private LocalDate birthday(LocalDate birthDate) {
    if (shape != Shape.BIRTHDAY) {
      throw new IllegalStateException(kind + " is computed from an anchor time, not a birth date");
    }
    return leapDay.birthday(birthDate, count);
  }

  private LocalDate shifted(LocalDate birthday) {
    LocalDate day = birthday;
    if (before != null) {
      day = day.minus(before);
    }
    if (after != null) {
      day = day.plus(after);
    }
    return day;
  }

  /** The due time for a birthday rule: the end of its last day ({@link #lastDayForBirthDate}). */
  public ZonedDateTime dueForBirthDate(LocalDate birthDate, ZoneId zone) {
    return endOfDay(lastDayForBirthDate(birthDate), zone);
  }

  /**
   * When the task for an anchored deadline opens: the due time less the lead (the due time itself without a lead). A
   * rule counted in days opens at the start of a day: the start of its last day less the lead. (Birthday rules:
   * {@link #opensForBirthDate}.)
   */
  public ZonedDateTime opensAt(ZonedDateTime due) {
    if (lead == null) {
      return due;
    }
    if (shape == Shape.DURATION) {
      return due.minus(lead);
    }
    return due.toLocalDate().minus(lead).atStartOfDay(due.getZone());
  }

  /** A readable account of how the due time was computed, stored with the register row. */
  public String describe(ZonedDateTime anchorOrBirth, Period periodOverride) {
    String from = STAMP.format(anchorOrBirth);
    return switch (shape) {
      case DURATION -> duration + " (exact hours) after " + from;
      case PERIOD -> "by the end of the day " + (periodOverride != null ? periodOverride + " (as decided)"
          : period.toString()) + " (calendar) after " + from;
      case WORKING_DAYS -> "by the end of the " + ordinal(count)
          + " working day (Mon–Fri, less public holidays and closing days) after " + from;
      case BIRTHDAY -> describeBirthday(anchorOrBirth.toLocalDate());
      case PLANNED_END -> "by the end of the planned end " + anchorOrBirth.toLocalDate()
          + (lead != null ? ", the task opening " + lead + " before" : "");
    };
  }

  private String describeBirthday(LocalDate birthDate) {
    String birthday = "the " + ordinal(count) + " birthday";
    String text = "by the end of " + (before != null ? "the day " + before + " before " + birthday
        : after != null ? "the day " + after + " after " + birthday : birthday) + " of a child born " + birthDate;
    return LeapDayBirthday.bornOnLeapDay(birthDate) ? text + " (" + leapDay.ruleText() + ")" : text;
  }

  /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st … */
  static String ordinal(int n) {
    int lastTwo = n % 100;
    if (lastTwo >= 11 && lastTwo <= 13) {
      return n + "th";
    }
    return n + switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }
}
