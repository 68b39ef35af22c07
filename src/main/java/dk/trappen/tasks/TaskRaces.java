package dk.trappen.tasks;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataAccessException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Answers a race on a task as a conflict (409, field {@code task}) instead of a 500. Two clients who claim or complete
 * one task at the same instant both read it open; the engine lets one write win (its optimistic locking, or the row
 * lock of the database) and throws at the other: an {@link OptimisticLockingException}, a
 * {@link TaskAlreadyClaimedException}, or for a task completed meanwhile a "cannot find task" of its own. The loser's
 * transaction is rolled back whole, so nothing of it is stored; this class looks at the task as it is now and says
 * what happened: completed, claimed by someone else, or changed at the same time.
 *
 * <p>A request that comes just after the winner's commit finds no open task at all. For a claim or completion of a
 * task of a case the user may see, that is the same race seen a moment later: it is answered as a conflict (the task
 * was already completed) rather than as a task that never existed.
 */
@Component
class TaskRaces {

  static final String FIELD = "task";
  static final String COMPLETED = "problem.task.completed";
  static final String CHANGED = "problem.task.changed";
  static final String CLAIMED = "problem.task.claimed";

  private final TaskService engineTasks;
  private final HistoryService history;
  private final CaseService cases;

  TaskRaces(TaskService engineTasks, HistoryService history, CaseService cases) {
    this.engineTasks = engineTasks;
    this.history = history;
    this.cases = cases;
  }

  /** What happened to the task, as the task list tells the user: the race's problem in their language. */
  static String describe(InvalidInputException race, MessageSource messages, Locale locale) {
    return race.problems().stream().filter(p -> p.field().equals(FIELD)).findFirst()
        .map(p -> messages.getMessage(p.onPage(), locale)).orElseThrow();
  }

  /** Runs {@code work} (its own transaction) and answers a lost race on the task as a conflict. */
  <T> T settle(String taskId, StaffMember user, Supplier<T> work) {
    return settle(taskId == null ? List.of() : List.of(taskId), user, work);
  }

  /**
   * Runs {@code work} (its own transaction, over all of {@code taskIds}) and answers a lost race on any of the tasks
   * as a conflict: the first of them that was completed or claimed by someone else meanwhile.
   */
  <T> T settle(List<String> taskIds, StaffMember user, Supplier<T> work) {
    try {
      return work.get();
    } catch (InvalidInputException refused) {
      throw refused;
    } catch (NotFoundException notFound) {
      if (taskIds.stream().anyMatch(id -> id != null && completedOnVisibleCase(id, user))) {
        throw InvalidInputException.conflict(FIELD, COMPLETED);
      }
      throw notFound;
    } catch (OptimisticLockingException | TaskAlreadyClaimedException lost) {
      throw conflict(taskIds, user, true);
    } catch (ProcessEngineException | DataAccessException | TransactionException maybeLost) {
      // e.g. the engine's NullValueException for a task completed meanwhile, or the database refusing a write that
      // collided with the winner's: a race only if a task has moved
      InvalidInputException conflict = conflict(taskIds, user, false);
      if (conflict == null) {
        throw maybeLost;
      }
      throw conflict;
    }
  }

  /**
   * What happened to the first task that moved: completed, or claimed by someone else; if none moved, a change at the
   * same time when {@code certain}, otherwise null (the failure was not a race).
   */
  private InvalidInputException conflict(List<String> taskIds, StaffMember user, boolean certain) {
    for (String taskId : taskIds) {
      InvalidInputException moved = taskId == null || ControlCharacters.present(taskId) ? null : moved(taskId, user);
      if (moved != null) {
        return moved;
      }
    }
    return certain ? InvalidInputException.conflict(FIELD, CHANGED) : null;
  }

  private InvalidInputException moved(String taskId, StaffMember user) {
    Task now = engineTasks.createTaskQuery().taskId(taskId).singleResult();
    if (now == null) {
      return InvalidInputException.conflict(FIELD, COMPLETED);
    }
    if (now.getAssignee() != null && !now.getAssignee().equals(user.username())) {
      return InvalidInputException.conflict(FIELD, CLAIMED, now.getAssignee());
    }
    return null;
  }

  /** Whether the task is finished and belongs to a case the user may see (so that saying so reveals nothing). */
  private boolean completedOnVisibleCase(String taskId, StaffMember user) {
    if (ControlCharacters.present(taskId) || engineTasks.createTaskQuery().taskId(taskId).count() > 0) {
      return false;
    }
    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    if (done == null || done.getProcessInstanceId() == null) {
      return false;
    }
    HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
        .processInstanceId(done.getProcessInstanceId()).singleResult();
    String caseNumber = process == null ? null : process.getBusinessKey();
    if (caseNumber == null) {
      return false;
    }
    CaseRef c = cases.byNumbers(java.util.Set.of(caseNumber)).get(caseNumber);
    return c != null && CaseAccess.mayAccess(user, c);
  }
}
