package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One validated deadline rule. Exactly one of the four shapes applies:
 * <ul>
 *   <li>{@link Shape#DURATION}: exact elapsed time from the anchor (24 real hours also across a DST change);</li>
 *   <li>{@link Shape#PERIOD}: calendar months/days from the anchor in the zone (local time kept across DST);</li>
 *   <li>{@link Shape#WORKING_DAYS}: the Nth working day after the anchor's date, at the anchor's local time;</li>
 *   <li>{@link Shape#BIRTHDAY}: the start of the child's Nth birthday, less {@code before};</li>
 *   <li>{@link Shape#PLANNED_END}: the end of an intervention's planned-end day; its task opens at the start of the
 *       day {@code lead} before.</li>
 * </ul>
 */
public record DeadlineRule(
    DeadlineKind kind,
    Shape shape,
    Duration duration,
    Period period,
    int count,
    Period before,
    Period lead,
    Duration atRisk,
    String basis) {

  public enum Shape { DURATION, PERIOD, WORKING_DAYS, BIRTHDAY, PLANNED_END }

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm XXX");

  /** The due time for an anchored rule (duration, period or working days). */
  public ZonedDateTime dueAfter(Instant anchor, ZoneId zone, WorkingDayCalendar calendar, Period periodOverride) {
    ZonedDateTime start = anchor.atZone(zone);
    return switch (shape) {
      case DURATION -> start.plus(duration);
      case PERIOD -> start.plus(periodOverride != null ? periodOverride : period);
      case WORKING_DAYS -> {
        LocalDate day = calendar.addWorkingDays(start.toLocalDate(), count);
        yield ZonedDateTime.of(day, start.toLocalTime(), zone);
      }
      case BIRTHDAY -> throw new IllegalStateException(kind + " is computed from a birth date, not an anchor time");
      case PLANNED_END -> throw new IllegalStateException(kind + " is computed from a planned end, not an anchor time");
    };
  }

  /** The due time for a birthday rule: the start of the Nth birthday, less {@code before}. */
  public ZonedDateTime dueForBirthDate(LocalDate birthDate, ZoneId zone) {
    if (shape != Shape.BIRTHDAY) {
      throw new IllegalStateException(kind + " is computed from an anchor time, not a birth date");
    }
    LocalDate day = birthday(birthDate, count);
    if (before != null) {
      day = day.minus(before);
    }
    return day.atStartOfDay(zone);
  }

  /** When the task for this deadline opens: the due time less the lead (the due time itself without a lead). */
  public ZonedDateTime opensAt(ZonedDateTime due) {
    if (lead != null && shape == Shape.PLANNED_END) {
      return due.toLocalDate().minus(lead).atStartOfDay(due.getZone());
    }
    return lead == null ? due : due.minus(lead);
  }

  /**
   * The due time for a planned-end rule: the end of the planned-end day (23:59:59 in the zone), so that the review
   * may be made on the day itself.
   */
  public ZonedDateTime dueForPlannedEnd(LocalDate plannedEnd, ZoneId zone) {
    if (shape != Shape.PLANNED_END) {
      throw new IllegalStateException(kind + " is not computed from a planned end");
    }
    return ZonedDateTime.of(plannedEnd, java.time.LocalTime.of(23, 59, 59), zone);
  }

  /**
   * The Nth birthday. A child born on 29 February has its birthday on 1 March in a year without 29 February, as
   * Danish practice counts age.
   */
  public static LocalDate birthday(LocalDate birthDate, int years) {
    LocalDate sameDay = birthDate.plusYears(years);
    if (birthDate.getMonthValue() == 2 && birthDate.getDayOfMonth() == 29 && sameDay.getDayOfMonth() == 28) {
      return sameDay.plusDays(1);
    }
    return sameDay;
  }

  /** A readable account of how the due time was computed, stored with the register row. */
  public String describe(ZonedDateTime anchorOrBirth, Period periodOverride) {
    String from = STAMP.format(anchorOrBirth);
    return switch (shape) {
      case DURATION -> duration + " (exact hours) after " + from;
      case PERIOD -> (periodOverride != null ? periodOverride + " (as decided)" : period.toString())
          + " (calendar) after " + from;
      case WORKING_DAYS -> count + " working days (Mon–Fri, less holidays and closing days) after " + from;
      case BIRTHDAY -> (before != null ? before + " before " : "on ") + "birthday no. " + count
          + " of a child born " + anchorOrBirth.toLocalDate();
      case PLANNED_END -> "by the end of the planned end " + anchorOrBirth.toLocalDate()
          + (lead != null ? ", the task opening " + lead + " before" : "");
    };
  }
}
