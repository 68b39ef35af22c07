package dk.trappen.deadlines;

import dk.trappen.common.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Where a move of the demo clock goes, from what a visitor typed: either {@code advance}, any ISO-8601 period or
 * duration or both ({@code PT25H}, {@code P3D}, {@code P1M}, {@code P1Y2M}, {@code P1M2DT3H}), added in the zone as
 * the calendar counts (a month is a calendar month, a day keeps the clock time across a daylight-saving change); or
 * {@code to}, a date ({@code 2027-03-01}: that day at the current time of day) or a local date and time
 * ({@code 2027-03-01T08:00}). The clock only moves forward. Refusals name the field.
 */
final class DemoClockMoves {

  private DemoClockMoves() {
  }

  /** The instant the clock moves to from {@code now}; exactly one of {@code advance} and {@code to} is given. */
  static Instant target(String advance, String to, ZonedDateTime now) {
    boolean hasAdvance = advance != null && !advance.isBlank();
    boolean hasTo = to != null && !to.isBlank();
    if (hasAdvance && hasTo) {
      throw InvalidInputException.of("to", "problem.demoClock.oneOf");
    }
    if (!hasAdvance && !hasTo) {
      throw InvalidInputException.of("advance", "problem.demoClock.required");
    }
    ZonedDateTime target = hasAdvance ? advanced(advance.trim(), now) : movedTo(to.trim(), now);
    if (!target.isAfter(now)) {
      throw InvalidInputException.of(hasAdvance ? "advance" : "to", "problem.demoClock.backwards");
    }
    return target.toInstant();
  }

  private static ZonedDateTime advanced(String text, ZonedDateTime now) {
    String value = text.toUpperCase(Locale.ROOT);
    try {
      int t = value.indexOf('T');
      String datePart = t < 0 ? value : value.substring(0, t);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration duration = t < 0 ? Duration.ZERO : Duration.parse("PT" + value.substring(t + 1));
      if (period.isNegative() || duration.isNegative()) {
        throw InvalidInputException.of("advance", "problem.demoClock.backwards");
      }
      return now.plus(period).plus(duration);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw InvalidInputException.of("advance", "problem.demoClock.notADuration", text);
    }
  }

  private static ZonedDateTime movedTo(String text, ZonedDateTime now) {
    try {
      if (text.contains("T")) {
        return LocalDateTime.parse(text).atZone(now.getZone());
      }
      return LocalDate.parse(text).atTime(now.toLocalTime()).atZone(now.getZone());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("to", "problem.demoClock.notADate", text);
    }
  }
}
