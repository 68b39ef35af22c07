package dk.trappen.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock: reads Camunda's {@link ClockUtil}, so that the domain and the engine always agree on the
 * time. Tests and the demo clock move ClockUtil; every service reads time through this injected clock.
 */
public final class ApplicationClock extends Clock {

  private final ZoneId zone;

  public ApplicationClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ApplicationClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
