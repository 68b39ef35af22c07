package dk.trappen.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/**
 * When an open task became its assignee's (see {@link TaskAssignmentLog}): one row per assigned open task, kept in
 * step with the engine by {@link TaskAssignmentListener}.
 */
@Entity
@Table(name = "task_assignment")
@Getter
@Setter
@NoArgsConstructor
class TaskAssignment {

  @Id
  private String taskId;
  private String assignee;
  private Instant assignedAt;

  TaskAssignment(String taskId, String assignee, Instant assignedAt) {
    this.taskId = taskId;
    this.assignee = assignee;
    this.assignedAt = assignedAt;
  }
}
