package dk.trappen.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * A saved filter of the task list: a staff user's named combination of kind, deadline state, scope and order.
 * {@code nameKey} is the name in lower case, unique per user.
 */
@Entity
@Table(name = "task_filter")
@Getter
@Setter
class TaskFilter {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String username;
  private String name;
  private String nameKey;
  private String kind;
  private String state;
  private String scope;
  private String sort;
  private String dir;
  private Instant createdAt;

  @Override
  public String toString() {
    return "TaskFilter " + id + " '" + name + "' of " + username;
  }
}
