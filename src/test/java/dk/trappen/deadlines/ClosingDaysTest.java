package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The yearly closing days (24 and 31 December, 5 June) hold in every year, not only in the years once listed. */
@DisplayName("Yearly closing days count in every year")
class ClosingDaysTest {

  private final DeadlineRules rules = ShippedDeadlineConfig.rules();

  private LocalDate dueDay(DeadlineKind kind, String anchor) {
    OffsetDateTime due = rules.compute(kind, OffsetDateTime.parse(anchor).toInstant(), null).due().toOffsetDateTime();
    assertThat(due.toLocalTime()).isEqualTo(DeadlineRule.END_OF_DAY);
    return due.toLocalDate();
  }

  @Test
  @DisplayName("24 December, 31 December and 5 June are closing days in 2029, 2030 and 2031")
  void closingDaysInLaterYears() {
    WorkingDayCalendar calendar = rules.calendar();
    for (int year = 2029; year <= 2031; year++) {
      for (LocalDate day : new LocalDate[] {LocalDate.of(year, 12, 24), LocalDate.of(year, 12, 31),
          LocalDate.of(year, 6, 5)}) {
        assertThat(calendar.isClosingDay(day)).as(day.toString()).isTrue();
        assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
      }
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2029, 6, 4))).isTrue();
  }

  @Test
  @DisplayName("an acknowledgement from Friday 1 June 2029 is due by the end of 12 June (5 June is closed)")
  void june2029() {
    assertThat(dueDay(DeadlineKind.ACKNOWLEDGEMENT, "2029-06-01T10:00:00+02:00")).isEqualTo(LocalDate.of(2029, 6, 12));
  }

  @Test
  @DisplayName("an acknowledgement from Friday 21 December 2029 is due by the end of 7 January 2030")
  void christmas2029() {
    // 24 closed, 25-26 holidays, 27, 28, 31 closed, 1 Jan holiday, 2, 3, 4, 7
    assertThat(dueDay(DeadlineKind.ACKNOWLEDGEMENT, "2029-12-21T10:00:00+01:00")).isEqualTo(LocalDate.of(2030, 1, 7));
  }

  @Test
  @DisplayName("an acknowledgement from Monday 3 June 2030 skips Wednesday 5 June and Whit Monday: due by the end of"
      + " 13 June")
  void june2030() {
    // Tue 4, (Wed 5 closed), Thu 6, Fri 7, (Mon 10 Whit Monday), Tue 11, Wed 12, Thu 13
    assertThat(dueDay(DeadlineKind.ACKNOWLEDGEMENT, "2030-06-03T10:00:00+02:00")).isEqualTo(LocalDate.of(2030, 6, 13));
  }

  @Test
  @DisplayName("an acknowledgement from Friday 20 December 2030 is due by the end of 6 January 2031")
  void christmas2030() {
    // Mon 23, (Tue 24 closed, 25-26 holidays), Fri 27, Mon 30, (Tue 31 closed, 1 Jan holiday), Thu 2, Fri 3, Mon 6
    assertThat(dueDay(DeadlineKind.ACKNOWLEDGEMENT, "2030-12-20T10:00:00+01:00")).isEqualTo(LocalDate.of(2031, 1, 6));
  }

  @Test
  @DisplayName("an acknowledgement from Friday 30 May 2031 skips Whit Monday and Thursday 5 June: due by the end of"
      + " 11 June")
  void june2031() {
    // (Mon 2 Whit Monday), Tue 3, Wed 4, (Thu 5 closed), Fri 6, Mon 9, Tue 10, Wed 11
    assertThat(dueDay(DeadlineKind.ACKNOWLEDGEMENT, "2031-05-30T10:00:00+02:00")).isEqualTo(LocalDate.of(2031, 6, 11));
  }

  @Test
  @DisplayName("over Christmas and New Year 2031: a concern response from 22 December is due by the end of 30 December,"
      + " an acknowledgement from 23 December by the end of 7 January 2032")
  void christmas2031() {
    // Tue 23, (Wed 24 closed, 25-26 holidays), Mon 29, Tue 30
    assertThat(dueDay(DeadlineKind.CONCERN_RESPONSE, "2031-12-22T10:00:00+01:00")).isEqualTo(LocalDate.of(2031, 12, 30));
    // Mon 29, Tue 30, (Wed 31 closed, 1 Jan holiday), Fri 2, Mon 5, Tue 6, Wed 7
    assertThat(dueDay(DeadlineKind.ACKNOWLEDGEMENT, "2031-12-23T10:00:00+01:00")).isEqualTo(LocalDate.of(2032, 1, 7));
  }

  @Test
  @DisplayName("a one-off closing day counts beside the yearly ones")
  void oneOffClosingDay() {
    DeadlineProperties p = ShippedDeadlineConfig.properties();
    p.getCalendar().setClosingDays(java.util.List.of("2029-06-04"));
    DeadlineRules withOneOff = new DeadlineRules(p);
    assertThat(withOneOff.calendar().isWorkingDay(LocalDate.of(2029, 6, 4))).isFalse();
    assertThat(withOneOff.calendar().isWorkingDay(LocalDate.of(2030, 6, 4))).isTrue();
  }
}
