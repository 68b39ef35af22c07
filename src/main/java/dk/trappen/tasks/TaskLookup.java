package dk.trappen.tasks;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.ProcessVariables;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Finding tasks and reading them as the task list shows them: the task a user may see (a refusal of another's is
 * recorded with its case), its handler and kind, the context a handler works in, and the views with their case,
 * child and deadline read in one query each.
 */
@Component
class TaskLookup {

  private final TaskService engineTasks;
  private final DeadlineRegister deadlines;
  private final CaseService cases;
  private final Clock clock;
  private final Map<String, TaskHandler<?>> handlers;
  private final CaseAccess access;
  private final EngineTaskReads reads;

  TaskLookup(TaskService engineTasks, DeadlineRegister deadlines, CaseService cases, Clock clock,
      List<TaskHandler<?>> handlers, CaseAccess access, EngineTaskReads reads) {
    this.engineTasks = engineTasks;
    this.deadlines = deadlines;
    this.cases = cases;
    this.clock = clock;
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::taskKey, Function.identity()));
    this.access = access;
    this.reads = reads;
  }

  /** The handlers by the BPMN id of their user task. */
  Map<String, TaskHandler<?>> handlers() {
    return handlers;
  }

  /** The kind of a task definition: its handler's, or the key itself for a task without one. */
  String kindOf(String taskKey) {
    TaskHandler<?> h = handlers.get(taskKey);
    return h == null ? taskKey : h.kind();
  }

  TaskHandler<?> handler(Task task) {
    TaskHandler<?> handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null) {
      throw new IllegalStateException("no handler for task " + task.getTaskDefinitionKey());
    }
    return handler;
  }

  TaskContext context(Task task, StaffMember user) {
    Map<String, Object> vars = engineTasks.getVariables(task.getId());
    Number caseId = (Number) vars.get(ProcessVariables.CASE_ID);
    // the case number is the process's business key; the case row gives it without a process instance query
    String caseNumber = caseId != null ? cases.get(caseId.longValue()).caseNumber()
        : reads.businessKeys(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
    return new TaskContext(task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
        caseId == null ? -1 : caseId.longValue(), caseNumber, user.username(), clock.instant(), vars);
  
  }

  /**
   * The task if the user may see it: assigned to them or to one of their groups; otherwise not found. A task that
   * exists but is not the user's is a refusal of {@code what}, recorded with its case (reason other-team, or
   * not-candidate for a task of a case the user may see but a group they are not in).
   */
  Task visibleTask(String taskId, StaffMember user, String what) {
    if (ControlCharacters.present(taskId)) {
      // no task has such an id, and PostgreSQL cannot even be asked for one with a NUL in it
      throw new NotFoundException("no such task for " + user.username());
    }
    Task task = reads.visibleTask(taskId, user.username(), user.candidateGroups());
    if (task == null) {
      recordRefusalIfExists(taskId, user, what);
      throw new NotFoundException("no task " + taskId + " for " + user.username());
    }
    return task;
  }

  private void recordRefusalIfExists(String taskId, StaffMember user, String what) {
    Task foreign = engineTasks.createTaskQuery().taskId(taskId).singleResult();
    if (foreign == null) {
      return;
    }
    Number caseId = (Number) engineTasks.getVariable(foreign.getId(), ProcessVariables.CASE_ID);
    CaseRef c = caseId != null ? cases.get(caseId.longValue())
        : cases.byNumbers(Set.of(reads.businessKeys(List.of(foreign.getProcessInstanceId()))
            .getOrDefault(foreign.getProcessInstanceId(), ""))).values().stream().findFirst().orElse(null);
    if (c == null) {
      return;
    }
    TaskHandler<?> h = handlers.get(foreign.getTaskDefinitionKey());
    access.recordRefusal(user, c, what + ": " + (h == null ? foreign.getTaskDefinitionKey() : h.kind()),
        CaseAccess.mayAccess(user, c) ? "not-candidate" : CaseAccess.OTHER_TEAM);
  }

  List<TaskView> views(List<Task> tasks) {
    Set<String> instanceIds = new HashSet<>();
    Set<String> executionIds = new HashSet<>();
    for (Task t : tasks) {
      instanceIds.add(t.getProcessInstanceId());
      executionIds.add(t.getExecutionId());
    }
    Map<String, String> businessKeys = reads.businessKeys(instanceIds);
    Map<String, DeadlineView> due = deadlines.openByExecution(executionIds);
    Map<String, CaseRef> byNumber = cases.byNumbers(new HashSet<>(businessKeys.values()));
    return tasks.stream().map(t -> {
      DeadlineView d = due.get(t.getExecutionId());
      TaskHandler<?> h = handlers.get(t.getTaskDefinitionKey());
      String caseNumber = businessKeys.get(t.getProcessInstanceId());
      CaseRef c = byNumber.get(caseNumber);
      return new TaskView(t.getId(), h == null ? t.getTaskDefinitionKey() : h.kind(), t.getTaskDefinitionKey(),
          t.getName(), caseNumber, c == null ? null : c.childName(), c == null ? null : c.maskedCpr(),
          t.getCreateTime().toInstant(),
          d != null ? d.dueAt() : t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(),
          d == null ? null : d.kind(), d == null ? null : d.state(), Map.of(), t.getExecutionId());
    }).toList();
  
  }
}
