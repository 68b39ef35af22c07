package dk.trappen.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * The demo clock: moves the engine's clock (and so the application clock) forward and fires the timers that came
 * due, so a visitor can watch deadlines turn at risk and overdue. Exists only in the demo profile.
 */
@Slf4j
@Service
@Profile("demo")
public class DemoClock {

  /** How many rounds of due jobs are run after a move (a fired timer can make further jobs due). */
  private static final int MAX_ROUNDS = 20;

  private final Clock clock;
  private final ManagementService management;

  DemoClock(Clock clock, ManagementService management) {
    this.clock = clock;
    this.management = management;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Moves the clock forward and runs every job that is due by then; returns how many ran. */
  public synchronized int advance(Duration by) {
    if (by.isNegative() || by.isZero()) {
      throw new IllegalArgumentException("the demo clock only moves forward");
    }
    Instant target = clock.instant().plus(by);
    ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
    return fireDueJobs();
  }

  private int fireDueJobs() {
    int fired = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = management.createJobQuery().executable().active().list();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          fired++;
        } catch (RuntimeException e) {
          log.warn("Job {} failed after the demo clock moved: {}", job.getId(), e.getMessage());
        }
      }
    }
    return fired;
  }
}
