package dk.trappen.deadlines;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The demo clock: moves the engine's clock (and so the application clock) forward, so a visitor can watch deadlines
 * turn at risk and overdue. Exists only in the demo profile.
 *
 * <p>The job executor runs the timers that came due, exactly as it runs them at the real time: the clock does not run
 * jobs itself beside it (which ran jobs twice and logged {@code ENGINE-14026 No job found}). A move returns when no
 * job is due any more, or after {@code trappen.demo.clock-wait} (then the rest runs on in the background). Only when
 * the job executor is off (the tests) does the clock run the due jobs itself.
 *
 * <p>The clock's position (its offset from the real time) is kept in the database (table {@code demo_clock}) and
 * restored at start-up, so a restart does not turn overdue deadlines open again.
 */
@Slf4j
@Service
@Profile("demo")
public class DemoClock {

  /** What a move did: the jobs that were due at the new time, how many of them ran, and whether all work was done. */
  public record Move(int due, int ran, boolean settled) {
  }

  /** How many rounds of due jobs are run after a move when the clock runs them itself. */
  private static final int MAX_ROUNDS = 20;

  private final Clock clock;
  private final ManagementService management;
  private final JobExecutor jobExecutor;
  private final JdbcTemplate jdbc;
  private final Duration wait;

  DemoClock(Clock clock, ManagementService management, ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc,
      @Value("${trappen.demo.clock-wait:PT2M}") Duration wait) {
    this.clock = clock;
    this.management = management;
    this.jobExecutor = engine.getJobExecutor();
    this.jdbc = jdbc;
    this.wait = wait;
  }

  /** Puts the clock back where it was before the restart. */
  @PostConstruct
  void restore() {
    List<Long> offsets = jdbc.queryForList("select offset_millis from demo_clock where id = 1", Long.class);
    if (!offsets.isEmpty() && offsets.get(0) != 0) {
      ClockUtil.offset(offsets.get(0));
      log.info("Demo clock restored to {} ({} days ahead of the real time)", clock.instant(),
          Duration.ofMillis(offsets.get(0)).toDays());
    }
  }

  public Instant now() {
    return clock.instant();
  }

  /** Moves the clock forward to {@code target} and waits until the jobs due by then have run. */
  public synchronized Move moveTo(Instant target) {
    if (!target.isAfter(clock.instant())) {
      throw new IllegalArgumentException("the demo clock only moves forward");
    }
    Set<String> due = new HashSet<>();
    for (Job job : management.createJobQuery().active().withRetriesLeft()
        .duedateLowerThan(Date.from(target.plusMillis(1))).list()) {
      due.add(job.getId());
    }
    long offset = target.toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    store(offset);
    boolean settled = jobExecutor != null && jobExecutor.isActive() ? awaitJobExecutor() : runDueJobs();
    Set<String> left = new HashSet<>();
    for (Job job : management.createJobQuery().list()) {
      left.add(job.getId());
    }
    int ran = (int) due.stream().filter(id -> !left.contains(id)).count();
    log.info("Demo clock moved to {}: {} jobs were due, {} ran{}", target, due.size(), ran,
        settled ? "" : " (more are still running)");
    return new Move(due.size(), ran, settled);
  }

  private void store(long offset) {
    int updated = jdbc.update("update demo_clock set offset_millis = ?, moved_at = ? where id = 1", offset,
        java.sql.Timestamp.from(Instant.now()));
    if (updated == 0) {
      jdbc.update("insert into demo_clock (id, offset_millis, moved_at) values (1, ?, ?)", offset,
          java.sql.Timestamp.from(Instant.now()));
    }
  }

  /** Wakes the job executor and waits until no job is due; false if the wait ran out first. */
  private boolean awaitJobExecutor() {
    jobExecutor.jobWasAdded();
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (management.createJobQuery().executable().active().count() == 0) {
        return true;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      jobExecutor.jobWasAdded();
    }
    return false;
  }

  /** Runs every due job here (the job executor is off); true when none is left due. */
  private boolean runDueJobs() {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = management.createJobQuery().executable().active().list();
      if (due.isEmpty()) {
        return true;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          log.warn("Job {} failed after the demo clock moved: {}", job.getId(), e.getMessage());
        }
      }
    }
    return management.createJobQuery().executable().active().count() == 0;
  }
}
