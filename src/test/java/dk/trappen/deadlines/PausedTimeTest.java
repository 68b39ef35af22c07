package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("How far a pause moves a deadline on")
class PausedTimeTest {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  private final DeadlineRules rules = ShippedDeadlineConfig.rules();

  private static Instant local(int month, int day, int hour, int minute, int second) {
    return LocalDateTime.of(2027, month, day, hour, minute, second).atZone(CPH).toInstant();
  }

  @Test
  @DisplayName("a deadline of exact hours moves by exactly the time paused")
  void exactHours() {
    Instant due = local(3, 3, 9, 0, 0);
    Instant paused = local(3, 2, 12, 0, 0);
    assertThat(PausedTime.dueAfter(DeadlineKind.ACUTE_ASSESSMENT, due, paused, paused.plus(Duration.ofMinutes(90)),
        rules)).isEqualTo(due.plus(Duration.ofMinutes(90)));
  }

  @Test
  @DisplayName("a day-counted deadline moves by the whole days paused, rounded up, keeping its local time across a "
      + "change to summer time (an end-of-day deadline stays at the end of a day)")
  void wholeDaysKeepingTheLocalTime() {
    Instant endOfDay = local(3, 20, 23, 59, 59);
    Instant paused = local(3, 10, 10, 0, 0);
    // 20 days and 2 hours, across 28 March (summer time): 21 days, still 23:59:59 local
    assertThat(PausedTime.dueAfter(DeadlineKind.INVESTIGATION, endOfDay, paused,
        paused.plus(Duration.ofDays(20)).plus(Duration.ofHours(2)), rules)).isEqualTo(local(4, 10, 23, 59, 59));
    assertThat(PausedTime.dueAfter(DeadlineKind.ACKNOWLEDGEMENT, endOfDay, paused, paused.plus(Duration.ofDays(2)),
        rules)).isEqualTo(local(3, 22, 23, 59, 59));
    assertThat(PausedTime.dueAfter(DeadlineKind.INVESTIGATION, endOfDay, paused, paused, rules)).isEqualTo(endOfDay);
  }
}
