package dk.trappen.deadlines;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Working days: Monday to Friday, except Danish public holidays (from the Jollyday library, not hand-written tables)
 * and the configured closing days.
 */
public class WorkingDayCalendar {

  private final HolidayManager holidays;
  private final Set<LocalDate> closingDays;
  private final ConcurrentHashMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingDayCalendar(String country, Set<LocalDate> closingDays) {
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(country));
    this.closingDays = Set.copyOf(closingDays);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    return !closingDays.contains(date) && !publicHolidays(date.getYear()).contains(date);
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
}
