package dk.trappen.deadlines;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When a child born on 29 February has its birthday in a year without 29 February
 * ({@code trappen.calendar.leap-day-birthday}). No Danish statute or ruling settling this for the age limits of
 * Barnets Lov was found, so it is configuration, not law; the rule text of a birthday deadline of such a child says
 * which setting applied.
 */
public enum LeapDayBirthday {
  /** On 1 March (the day after 28 February: the age is reached when 28 February has ended). The default. */
  MARCH_1("march-1"),
  /** On 28 February. */
  FEBRUARY_28("february-28");

  private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

  private final String key;

  LeapDayBirthday(String key) {
    this.key = key;
  }

  /** The configuration value, e.g. {@code march-1}. */
  public String key() {
    return key;
  }

  /** Parses the configuration value, naming the key and the value when it is neither {@code march-1} nor {@code february-28}. */
  static LeapDayBirthday parse(String key, String value) {
    for (LeapDayBirthday rule : values()) {
      if (rule.key.equals(value)) {
        return rule;
      }
    }
    throw new IllegalStateException(key + ": '" + value + "' is not one of march-1, february-28");
  }

  /** The child's birthday no. {@code years}. */
  public LocalDate birthday(LocalDate birthDate, int years) {
    LocalDate sameDay = birthDate.plusYears(years); // 29 February becomes 28 February in a common year
    if (bornOnLeapDay(birthDate) && sameDay.getDayOfMonth() == 28 && this == MARCH_1) {
      return sameDay.plusDays(1);
    }
    return sameDay;
  }

  static boolean bornOnLeapDay(LocalDate birthDate) {
    return MonthDay.from(birthDate).equals(LEAP_DAY);
  }

  /** What the rule text of a birthday deadline of a child born 29 February says about it. */
  String ruleText() {
    return "born 29 February: in other years the birthday is " + (this == MARCH_1 ? "1 March" : "28 February")
        + ", as configured (trappen.calendar.leap-day-birthday: " + key + "; no statute found)";
  }
}
