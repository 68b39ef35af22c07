package dk.trappen.deadlines;

import dk.trappen.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/demo/clock")
@Profile("demo")
@Tag(name = "Demo clock", description = "Move time in the demo profile (absent in every other profile)")
class DemoClockController {

  /**
   * The clock, and after a move: the jobs that were due at the new time, how many of them ran (timersFired), and
   * whether all due work was done when the answer was sent (false: the rest runs on in the background).
   */
  record ClockState(Instant now, String zone, Integer jobsDue, Integer timersFired, Boolean settled) {
  }

  record Advance(String advance) {
  }

  private final DemoClock demoClock;
  private final DeadlineRules rules;

  DemoClockController(DemoClock demoClock, DeadlineRules rules) {
    this.demoClock = demoClock;
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "The current time of the engine and the application")
  ClockState now() {
    return new ClockState(demoClock.now(), rules.zone().getId(), null, null, null);
  }

  @PostMapping
  @Operation(summary = "Move the clock forward by an ISO-8601 duration or period (PT25H, P3D); answers when the timers due by then have run")
  ClockState advance(@RequestBody Advance body) {
    if (body == null || body.advance() == null || body.advance().isBlank()) {
      throw InvalidInputException.of("advance", "problem.demoClock.required");
    }
    Duration by;
    try {
      by = body.advance().contains("T") ? Duration.parse(body.advance())
          : Duration.ofDays(Period.parse(body.advance()).getDays());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("advance", "problem.demoClock.notADuration", body.advance());
    }
    if (by.isNegative() || by.isZero()) {
      throw InvalidInputException.of("advance", "problem.demoClock.backwards");
    }
    DemoClock.Move move = demoClock.advance(by);
    return new ClockState(demoClock.now(), rules.zone().getId(), move.due(), move.ran(), move.settled());
  }
}
