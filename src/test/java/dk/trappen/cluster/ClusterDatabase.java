package dk.trappen.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Counts read straight from the shared PostgreSQL database of the cluster tests (what every node wrote). */
final class ClusterDatabase {

  private final String url;
  private final String user;

  ClusterDatabase(String url, String user) {
    this.url = url;
    this.user = user;
  }

  long count(String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(url, user, "");
         PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i] instanceof Instant t ? Timestamp.from(t) : params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Timer jobs due at {@code at}: the work of a burst. */
  long dueTimers(Instant at) {
    return count("select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and DUEDATE_ <= ?", at);
  }

  long escalated() {
    return count("select count(*) from deadline where escalated_at is not null");
  }

  long openOverdue(Instant at) {
    return count("select count(*) from deadline where met_at is null and cancelled_at is null and due_at <= ?", at);
  }

  long escalationActivities() {
    return count("select count(*) from ACT_HI_ACTINST where ACT_ID_ like 'Task_Escalate%' and END_TIME_ is not null");
  }

  long lockedBy(String node, Instant at) {
    return count("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ? and LOCK_EXP_TIME_ > ?", node, at);
  }

  long failedJobs() {
    return count("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null or RETRIES_ <= 0");
  }

  long incidents() {
    return count("select count(*) from ACT_RU_INCIDENT");
  }

  long outbox() {
    return count("select count(*) from outbox_message");
  }

  long outboxDistinctKeys() {
    return count("select count(distinct message_key) from outbox_message");
  }

  long outboxSent() {
    return count("select count(*) from outbox_message where sent_at is not null");
  }

  long outboxAttempts() {
    return count("select coalesce(sum(attempts), 0) from outbox_message");
  }

  /** Deadlines escalated more than once: impossible by construction, counted to prove it. */
  long escalatedTwice() {
    return count("select count(*) from (select proc_inst_id_, act_id_ from ACT_HI_ACTINST"
        + " where ACT_ID_ like 'Task_Escalate%' group by proc_inst_id_, act_id_ having count(*) > 1) twice");
  }
}
