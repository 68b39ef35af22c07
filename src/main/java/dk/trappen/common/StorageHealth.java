package dk.trappen.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health check's {@code storage} component: DOWN while the database cannot store. A connection that answers a
 * query is not enough: H2 opens a file it cannot write read-only, and a full disk still serves reads. So each check
 * writes one row ({@code storage_probe}) and commits, in a transaction of its own with a short timeout. It is part of
 * the readiness group, so a load balancer stops sending requests to a node that would answer them 503, and sends them
 * again when the check passes (nothing has to be restarted: the pool replaces the connections that failed, see
 * {@link StorageFaultEviction}).
 */
@Component("storage")
class StorageHealth implements HealthIndicator {

  private static final int TIMEOUT_SECONDS = 5;

  private final DataSource dataSource;
  private final Clock clock;
  private final String node;

  StorageHealth(DataSource dataSource, Clock clock, @Value("${trappen.node-name:trappen}") String node) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.node = node;
  }

  @Override
  public Health health() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement probe = c.prepareStatement(
          "update storage_probe set checked_at = ?, node = ? where id = 1")) {
        probe.setQueryTimeout(TIMEOUT_SECONDS);
        probe.setTimestamp(1, Timestamp.from(clock.instant()));
        probe.setString(2, node);
        probe.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      return Health.up().build();
    } catch (SQLException | RuntimeException e) {
      return Health.down().withDetail("writes", "refused: " + StorageFaults.describe(e)).build();
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the pool drops it
    }
  }
}
