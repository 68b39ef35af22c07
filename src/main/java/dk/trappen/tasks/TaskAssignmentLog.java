package dk.trappen.tasks;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records when an open task became its assignee's, for the bell ("newly assigned to me"). The engine keeps no such
 * time at history level {@code audit}, and a task's create time is right only for a task routed to its caseworker as
 * it was created, not for one reassigned by a team leader or claimed later. Plain values in; the engine's side is
 * {@link TaskAssignmentListener}, which calls this inside the engine's command, so a row commits or rolls back with
 * the assignment it records (the task's create, claim, reassignment or hand-back to its group).
 */
@Component
class TaskAssignmentLog {

  private final TaskAssignmentRepository assignments;
  private final EntityManager entities;
  private final Clock clock;

  TaskAssignmentLog(TaskAssignmentRepository assignments, EntityManager entities, Clock clock) {
    this.assignments = assignments;
    this.entities = entities;
    this.clock = clock;
  }

  /** The task is now {@code assignee}'s (null: back to its group, no one's). */
  @Transactional(propagation = Propagation.MANDATORY)
  void assigned(String taskId, String assignee) {
    if (assignee == null) {
      assignments.forget(taskId);
      return;
    }
    TaskAssignment known = entities.find(TaskAssignment.class, taskId);
    if (known == null) {
      entities.persist(new TaskAssignment(taskId, assignee, clock.instant()));
    } else if (!assignee.equals(known.getAssignee())) {
      known.setAssignee(assignee);
      known.setAssignedAt(clock.instant());
    }
    // the same holder again (the create and then its assignment event): it became theirs the first time
  }

  /** The task is completed or deleted: no one's any more. */
  @Transactional(propagation = Propagation.MANDATORY)
  void ended(String taskId) {
    assignments.forget(taskId);
  }
}
