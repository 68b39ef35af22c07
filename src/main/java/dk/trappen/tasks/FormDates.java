package dk.trappen.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times in the user's language and the application's time zone, as task forms show them. */
public final class FormDates {
  private final Locale locale;
  private final ZoneId zone;

  FormDates(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.zone = zone;
  }

  public String dateTime(Instant t) {
    return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale).withZone(zone).format(t);
  }

  public String date(LocalDate d) {
    return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
  }
}
