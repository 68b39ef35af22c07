package dk.trappen.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts read straight from the shared PostgreSQL database of the cluster tests (what every node wrote), and register
 * rows written straight into it for a test to start from.
 */
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

  /**
   * Inserts {@code count} acute-assessment deadlines of {@code team}, missed a day ago, escalated to the team leader
   * and due at the head at {@code headDueAt}, as {@code DeadlineRegister.escalate} leaves them; returns their ids.
   */
  List<Long> insertEscalatedToTeamLeader(int count, String team, Instant headDueAt) {
    String sql = """
        insert into deadline (case_id, case_number, team_code, kind, process_instance_id, execution_id, anchor_at,
          due_at, legal_due_at, at_risk_from, rule_text, basis, created_at, missed_at, escalated_at, head_due_at)
        values (?, ?, ?, 'ACUTE_ASSESSMENT', ?, ?, ?, ?, ?, ?, 'PT24H', 'Barnets Lov §§ 136–137', ?, ?, ?, ?)""";
    Instant due = headDueAt.minus(Duration.ofDays(2));
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, "");
         PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
      for (int i = 0; i < count; i++) {
        Object[] values = {90_000L + i, "2099-" + (90_000 + i), team, "pi-head-" + i, "ex-head-" + i,
            due.minus(Duration.ofDays(1)), due, due, due.minus(Duration.ofHours(4)), due.minus(Duration.ofDays(1)), due,
            due.plus(Duration.ofDays(1)), headDueAt};
        for (int p = 0; p < values.length; p++) {
          s.setObject(p + 1, values[p] instanceof Instant t ? Timestamp.from(t) : values[p]);
        }
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          ids.add(keys.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return ids;
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
