package dk.trappen.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times for the pages, in the application's zone (Europe/Copenhagen) and the user's language
 * (templates: {@code @times.dateTime(instant)}, {@code @times.date(localDate)}, {@code @times.iso(instant)} for a
 * {@code <time datetime>} attribute). Null gives an empty string.
 */
@Component("times")
public class Times {

  private final Clock clock;

  Times(Clock clock) {
    this.clock = clock;
  }

  /** Date and time, e.g. "2. mar. 2027 09.00" (Danish) or "2 Mar 2027, 09:00" (English). */
  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(LocaleContextHolder.getLocale()).withZone(clock.getZone()).format(instant);
  }

  /** The date of an instant in the application's zone. */
  public String date(Instant instant) {
    return instant == null ? "" : date(instant.atZone(clock.getZone()).toLocalDate());
  }

  /** A date, e.g. "2. mar. 2027". */
  public String date(LocalDate date) {
    if (date == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
        .format(date);
  }

  /** The machine-readable form for {@code <time datetime>}: ISO-8601 with the local offset. */
  public String iso(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(clock.getZone())
        .withNano(0));
  }

  /** Whole years from a birth date until today (in the application's zone). */
  public int age(LocalDate birthDate) {
    return Period.between(birthDate, LocalDate.now(clock)).getYears();
  }
}
