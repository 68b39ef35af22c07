package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.trappen.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A demo clock move is read from any ISO period or duration, or a date, and only goes forward")
class DemoClockMovesTest {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  /** Saturday 31 January 2032, 10:00 in Copenhagen (winter time). */
  private static final ZonedDateTime NOW = LocalDateTime.of(2032, 1, 31, 10, 0).atZone(CPH);

  private static Instant local(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(CPH).toInstant();
  }

  @Test
  @DisplayName("P1M is a calendar month: from 31 January to 29 February in a leap year, same time of day")
  void aMonth() {
    assertThat(DemoClockMoves.target("P1M", null, NOW)).isEqualTo(local(2032, 2, 29, 10, 0));
  }

  @Test
  @DisplayName("P1Y and P1Y2M count years and months; P2M keeps 10:00 across the change to summer time")
  void yearsAndMonths() {
    assertThat(DemoClockMoves.target("P1Y", null, NOW)).isEqualTo(local(2033, 1, 31, 10, 0));
    assertThat(DemoClockMoves.target("P1Y2M", null, NOW)).isEqualTo(local(2033, 3, 31, 10, 0));
    assertThat(DemoClockMoves.target("p2m", null, NOW)).isEqualTo(local(2032, 3, 31, 10, 0));
  }

  @Test
  @DisplayName("P1M2D moves a month and two days, not two days; P1M2DT3H adds three hours; PT25H is exact hours")
  void periodAndDuration() {
    assertThat(DemoClockMoves.target("P1M2D", null, NOW)).isEqualTo(local(2032, 3, 2, 10, 0));
    assertThat(DemoClockMoves.target("P1M2DT3H", null, NOW)).isEqualTo(local(2032, 3, 2, 13, 0));
    assertThat(DemoClockMoves.target("PT25H", null, NOW)).isEqualTo(NOW.toInstant().plusSeconds(25 * 3600));
    assertThat(DemoClockMoves.target("P3W", null, NOW)).isEqualTo(local(2032, 2, 21, 10, 0));
  }

  @Test
  @DisplayName("a date moves to that day at the current time of day; a local date-time moves exactly there")
  void toADate() {
    assertThat(DemoClockMoves.target(null, "2032-06-15", NOW)).isEqualTo(local(2032, 6, 15, 10, 0));
    assertThat(DemoClockMoves.target("", "2032-06-15T08:30", NOW)).isEqualTo(local(2032, 6, 15, 8, 30));
  }

  @Test
  @DisplayName("backwards, nothing, both, or text that is no period or date: refused, naming the field")
  void refusals() {
    refused("P-1D", null, "advance", "problem.demoClock.backwards");
    refused("-P1M", null, "advance", "problem.demoClock.backwards");
    refused("P0D", null, "advance", "problem.demoClock.backwards");
    refused("PT-2H", null, "advance", "problem.demoClock.backwards");
    refused(null, "2032-01-30", "to", "problem.demoClock.backwards");
    refused(null, "2032-01-31T09:59", "to", "problem.demoClock.backwards");
    refused(null, null, "advance", "problem.demoClock.required");
    refused(" ", "", "advance", "problem.demoClock.required");
    refused("P1D", "2032-06-15", "to", "problem.demoClock.oneOf");
    refused("soon", null, "advance", "problem.demoClock.notADuration");
    refused("PT", null, "advance", "problem.demoClock.notADuration");
    refused("P1MT", null, "advance", "problem.demoClock.notADuration");
    refused(null, "2032-02-30", "to", "problem.demoClock.notADate");
    refused(null, "next week", "to", "problem.demoClock.notADate");
  }

  private static void refused(String advance, String to, String field, String code) {
    assertThatThrownBy(() -> DemoClockMoves.target(advance, to, NOW))
        .as(advance + " / " + to)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).field()).isEqualTo(field);
          assertThat(e.problems().get(0).code()).isEqualTo(code);
        });
  }
}
