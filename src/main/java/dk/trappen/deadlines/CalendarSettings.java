package dk.trappen.deadlines;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the closing days of {@code trappen.calendar}: one-off ISO dates ({@code closing-days: [2027-05-07]}) and
 * yearly month-days ({@code yearly-closing-days: ["12-24", "12-31", "06-05"]}). A bad value stops start-up with an
 * {@link IllegalStateException} naming the key and the value.
 */
final class CalendarSettings {

  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");

  private CalendarSettings() {
  }

  static Set<LocalDate> closingDays(String key, List<String> values) {
    Set<LocalDate> days = new HashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      try {
        days.add(LocalDate.parse(value == null ? "" : value.trim()));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException(key + ": '" + value + "' is not a date such as 2027-05-07");
      }
    }
    return days;
  }

  static Set<MonthDay> yearlyClosingDays(String key, List<String> values) {
    Set<MonthDay> days = new HashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      Matcher m = MONTH_DAY.matcher(value == null ? "" : value.trim());
      if (!m.matches()) {
        throw new IllegalStateException(key + ": '" + value + "' is not a month-day such as \"12-24\" (MM-DD)");
      }
      try {
        days.add(MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      } catch (DateTimeException e) {
        throw new IllegalStateException(key + ": '" + value + "' is not a day of the year (MM-DD)");
      }
    }
    return days;
  }
}
