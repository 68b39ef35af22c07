package dk.trappen.tasks;

import dk.trappen.org.StaffMember;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who holds a task, as another feature changes it: the engine's side of a reassignment. The use case (who may move
 * what to whom, the audit) belongs to the caller; this class only moves tasks, inside the caller's transaction, and
 * runs that transaction so that a race with another change of a task is answered as a conflict ({@link TaskRaces}).
 */
@Service
public class TaskAssignments {

  /** A task given to someone: its kind and case, for the caller's audit row. */
  public record Moved(String taskId, String kind, long caseId, String caseNumber) {
  }

  private final CaseTaskService tasks;
  private final org.camunda.bpm.engine.TaskService engineTasks;
  private final TaskRaces races;
  private final TransactionTemplate transactions;

  TaskAssignments(CaseTaskService tasks, org.camunda.bpm.engine.TaskService engineTasks, TaskRaces races,
      PlatformTransactionManager transactionManager) {
    this.tasks = tasks;
    this.engineTasks = engineTasks;
    this.races = races;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Runs {@code work} in one transaction of its own: all of it is stored or none. A race with another change of one
   * of {@code taskIds} (completed, claimed or reassigned at the same instant) is a conflict (409, field
   * {@code task}), and so is a change of any other task at the same time.
   */
  public <T> T inOneTransaction(Collection<String> taskIds, StaffMember user, Supplier<T> work) {
    return races.settle(List.copyOf(taskIds), user, () -> transactions.execute(s -> work.get()));
  }

  /**
   * Gives a task the user may see to {@code assignee} (null: back to its group). A task the user may not see is not
   * found, and the refusal is recorded with its case.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Moved reassign(String taskId, String assignee, StaffMember user) {
    Task task = tasks.visibleTask(taskId, user, "reassign task");
    engineTasks.setAssignee(task.getId(), assignee);
    TaskContext context = tasks.context(task, user);
    return new Moved(task.getId(), tasks.handler(task).kind(), context.caseId(), context.caseNumber());
  }

  /** Gives the case's open tasks that {@code from} held to {@code to}; how many moved. Nothing if from is null. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int moveOpenTasks(String caseNumber, String from, String to) {
    int moved = 0;
    if (from == null) {
      return moved;
    }
    for (TaskView t : tasks.tasksOfCase(caseNumber)) {
      if (from.equals(t.assignee())) {
        engineTasks.setAssignee(t.id(), to);
        moved++;
      }
    }
    return moved;
  }
}
