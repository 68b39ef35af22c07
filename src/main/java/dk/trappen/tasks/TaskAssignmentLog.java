package dk.trappen.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records when an open task became its assignee's, for the bell ("newly assigned to me"). The engine keeps no such
 * time at history level {@code audit}, and a task's create time is right only for a task routed to its caseworker as
 * it was created, not for one reassigned by a team leader or claimed later. Plain values in; the engine's side is
 * {@link TaskAssignmentListener}, which calls this inside the engine's command.
 *
 * <p>The rows are written when the transaction commits ({@code beforeCommit}), after the engine has flushed its own
 * task row, not when the event fires: two requests racing for one task then lock the engine's task row first and
 * {@code task_assignment} second, in the same order, so the loser gets the engine's optimistic-locking failure (a 409)
 * instead of a deadlock between the two tables (a 500, found by CI on H2 in {@code ReassignmentApiTest}). A row still
 * commits or rolls back with the assignment it records.
 */
@Component
class TaskAssignmentLog {

  /** The final holder of each task touched in the transaction, and since when; a null holder: no one's. */
  private record Pending(String assignee, Instant at) {
  }

  private static final Object KEY = TaskAssignmentLog.class.getName() + ".pending";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  TaskAssignmentLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The task is now {@code assignee}'s (null: back to its group, no one's). */
  @Transactional(propagation = Propagation.MANDATORY)
  void assigned(String taskId, String assignee) {
    Map<String, Pending> pending = pending();
    Pending before = pending.get(taskId);
    // the same holder again (the create and then its assignment event): it became theirs the first time
    if (before == null || assignee == null || !assignee.equals(before.assignee())) {
      pending.put(taskId, new Pending(assignee, clock.instant()));
    }
  }

  /** The task is completed or deleted: no one's any more. */
  @Transactional(propagation = Propagation.MANDATORY)
  void ended(String taskId) {
    pending().put(taskId, new Pending(null, null));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Pending> pending() {
    Map<String, Pending> pending = (Map<String, Pending>) TransactionSynchronizationManager.getResource(KEY);
    if (pending == null) {
      Map<String, Pending> created = new LinkedHashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          created.forEach(TaskAssignmentLog.this::write);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
      pending = created;
    }
    return pending;
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private void write(String taskId, Pending p) {
    if (p.assignee() == null) {
      jdbc.update("delete from task_assignment where task_id = ?", taskId);
      return;
    }
    int moved = jdbc.update("update task_assignment set assignee = ?, assigned_at = ? where task_id = ? "
        + "and assignee <> ?", p.assignee(), utc(p.at()), taskId, p.assignee());
    if (moved == 0) {
      Integer known = jdbc.queryForObject("select count(*) from task_assignment where task_id = ?", Integer.class,
          taskId);
      if (known == null || known == 0) {
        jdbc.update("insert into task_assignment (task_id, assignee, assigned_at) values (?, ?, ?)", taskId,
            p.assignee(), utc(p.at()));
      }
    }
  }
}
