package dk.trappen.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
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

  /** A move: {@code advance} by an ISO-8601 period and/or duration, or {@code to} a date or local date-time. */
  record Advance(String advance, String to) {
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
  @Operation(summary = "Move the clock forward: by any ISO-8601 period or duration (PT25H, P3D, P1M, P1Y, P1M2DT3H), "
      + "or to a date (2027-03-01, at the current time of day) or local date-time (2027-03-01T08:00); answers when "
      + "the timers due by then have run")
  ClockState advance(@RequestBody(required = false) Advance body) {
    Advance move = body == null ? new Advance(null, null) : body;
    Instant target = DemoClockMoves.target(move.advance(), move.to(), demoClock.now().atZone(rules.zone()));
    DemoClock.Move done = demoClock.moveTo(target);
    return new ClockState(demoClock.now(), rules.zone().getId(), done.due(), done.ran(), done.settled());
  }
}
