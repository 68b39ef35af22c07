package dk.trappen.deadlines;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Working days: Monday to Friday, except Danish public holidays (from the Jollyday library, not hand-written tables),
 * the yearly closing days (a month-day, every year: Christmas Eve, New Year's Eve, Constitution Day) and the one-off
 * closing days.
 */
public class WorkingDayCalendar {

  private final HolidayManager holidays;
  private final Set<LocalDate> closingDays;
  private final Set<MonthDay> yearlyClosingDays;
  private final ConcurrentHashMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingDayCalendar(String country, Set<LocalDate> closingDays) {
    this(country, closingDays, Set.of());
  }

  public WorkingDayCalendar(String country, Set<LocalDate> closingDays, Set<MonthDay> yearlyClosingDays) {
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(country));
    this.closingDays = Set.copyOf(closingDays);
    this.yearlyClosingDays = Set.copyOf(yearlyClosingDays);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    return !isClosingDay(date) && !publicHolidays(date.getYear()).contains(date);
  }

  /** A configured closing day, one-off or yearly (whatever the weekday). */
  public boolean isClosingDay(LocalDate date) {
    return closingDays.contains(date) || yearlyClosingDays.contains(MonthDay.from(date));
  }

  /** The date {@code days} working days after {@code start} (the start day itself is not counted). */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    LocalDate date = start;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  public Set<LocalDate> publicHolidays(int year) {
    return holidaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY).stream()
        .map(h -> h.getDate())
        .collect(Collectors.toUnmodifiableSet()));
  }

  /** The one-off closing days, in date order. */
  public java.util.List<LocalDate> closingDays() {
    return closingDays.stream().sorted().toList();
  }

  /** The yearly closing days, in calendar order. */
  public java.util.List<MonthDay> yearlyClosingDays() {
    return yearlyClosingDays.stream().sorted().toList();
  }
}
