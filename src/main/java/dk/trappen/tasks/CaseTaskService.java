package dk.trappen.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.JsonInputProblems;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.common.ProcessVariables;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.audit.AuditAction;
import dk.trappen.security.CaseAccess;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task list over Camunda's TaskService: what a staff member may see (their own tasks and their groups'), claim
 * and complete. Completing validates the typed payload of the task's kind, lets the owning feature's handler do the
 * domain work and completes the task with the variables it returns, in one transaction.
 */
@Service
public class CaseTaskService {

  private final org.camunda.bpm.engine.TaskService engineTasks;
  private final RuntimeService runtime;
  private final DeadlineRegister deadlines;
  private final CaseService cases;
  private final ObjectMapper json;
  private final Validator validator;
  private final Clock clock;
  private final Map<String, TaskHandler<?>> handlers;
  private final CaseAccess access;
  private final EngineTaskReads reads;
  private final EngineTaskCompletion completion;
  private final TaskRaces races;
  private final TransactionTemplate transactions;

  CaseTaskService(org.camunda.bpm.engine.TaskService engineTasks, RuntimeService runtime, DeadlineRegister deadlines,
      CaseService cases, ObjectMapper json, Validator validator, Clock clock, List<TaskHandler<?>> handlers,
      CaseAccess access, EngineTaskReads reads, EngineTaskCompletion completion, TaskRaces races,
      PlatformTransactionManager transactionManager) {
    this.races = races;
    this.transactions = new TransactionTemplate(transactionManager);
    this.reads = reads;
    this.completion = completion;
    this.access = access;
    this.engineTasks = engineTasks;
    this.runtime = runtime;
    this.deadlines = deadlines;
    this.cases = cases;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::taskKey, Function.identity()));
  }

  /**
   * One page of the user's own tasks and their groups' open tasks, earliest due first (undated last), then oldest
   * first. {@code kind} (a task kind, see {@link TaskHandler#kind()}) and {@code state} (a deadline state or
   * {@code NONE}) filter the list when not blank. The database filters, orders and limits; the total is a count.
   */
  @Transactional(readOnly = true)
  public Page<TaskView> tasksFor(StaffMember user, String kind, String state, Pageable page) {
    TaskListQuery q = new TaskListQuery(user.username(), user.candidateGroups(),
        kind == null || kind.isBlank() ? null : taskKeysOf(kind), state == null || state.isBlank() ? null : state,
        clock.instant());
    List<TaskView> content = views(reads.openTaskPage(q, (int) page.getOffset(), page.getPageSize()));
    // a page shorter than asked for, or the first page when it holds everything, is its own total
    long total = content.size() < page.getPageSize() && (!content.isEmpty() || page.getOffset() == 0)
        ? page.getOffset() + content.size() : reads.countOpenTasks(q);
    return new PageImpl<>(content, page, total);
  }

  /** The kinds of task among the user's open tasks, in their natural order: the task list's kind filter. */
  @Transactional(readOnly = true)
  public SortedSet<String> taskKindsFor(StaffMember user) {
    return reads.oneOpenTaskPerKey(user.username(), user.candidateGroups()).stream().map(this::kindOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The user's own and their groups' open tasks on one case, oldest first (the intake view of the case). */
  @Transactional(readOnly = true)
  public List<TaskView> tasksOfCaseFor(String caseNumber, StaffMember user) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    return views(reads.openTasksIn(user.username(), user.candidateGroups(), instances));
  }

  /** The task definitions of a kind: those whose handler names the kind, or whose own key is it (no handler). */
  private Set<String> taskKeysOf(String kind) {
    Set<String> keys = new HashSet<>();
    handlers.forEach((key, h) -> {
      if (kind.equals(h.kind())) {
        keys.add(key);
      }
    });
    if (!handlers.containsKey(kind)) {
      keys.add(kind);
    }
    return keys;
  }

  private String kindOf(Task t) {
    TaskHandler<?> h = handlers.get(t.getTaskDefinitionKey());
    return h == null ? t.getTaskDefinitionKey() : h.kind();
  }

  /** Every open task of a case (for the case view). */
  @Transactional(readOnly = true)
  public List<TaskView> tasksOfCase(String caseNumber) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    if (instances.isEmpty()) {
      return List.of();
    }
    return views(engineTasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list());
  }

  @Transactional(readOnly = true)
  public TaskView task(String taskId, StaffMember user) {
    Task task = visibleTask(taskId, user, "task");
    TaskView view = views(List.of(task)).get(0);
    TaskHandler<?> handler = handlers.get(task.getTaskDefinitionKey());
    TaskContext context = context(task, user);
    Map<String, Object> details = handler == null ? Map.of() : handler.details(context);
    access.record(user, context.caseId(), context.caseNumber(), AuditAction.READ, "task: " + view.kind());
    return new TaskView(view.id(), view.kind(), view.taskKey(), view.name(), view.caseNumber(), view.childName(),
        view.childCprMasked(), view.created(), view.due(),
        view.assignee(), view.deadlineKind(), view.state(), details, view.executionId());
  }

  /**
   * The task as a list shows it, without the facts its form shows and without recording a read: for submitting a
   * form, where the completion itself is what is recorded.
   */
  @Transactional(readOnly = true)
  public TaskView summary(String taskId, StaffMember user) {
    return views(List.of(visibleTask(taskId, user, "complete"))).get(0);
  }

  /** A task opened for its form: as the list shows it (with its details when read), its context and its handler. */
  record FormTask(TaskView view, TaskContext context, TaskHandler<?> handler) {
  }

  /**
   * The task for its form. {@code read}: with the facts its form shows, recorded as a read of the case (showing the
   * form); otherwise as {@link #summary} (submitting it, where the completion is what is recorded).
   */
  @Transactional(readOnly = true)
  FormTask formTask(String taskId, StaffMember user, boolean read) {
    Task task = visibleTask(taskId, user, read ? "task" : "complete");
    TaskHandler<?> handler = handler(task);
    TaskContext context = context(task, user);
    TaskView view = views(List.of(task)).get(0);
    if (read) {
      access.record(user, context.caseId(), context.caseNumber(), AuditAction.READ, "task: " + view.kind());
      view = new TaskView(view.id(), view.kind(), view.taskKey(), view.name(), view.caseNumber(), view.childName(),
          view.childCprMasked(), view.created(), view.due(), view.assignee(), view.deadlineKind(), view.state(),
          handler.details(context), view.executionId());
    }
    return new FormTask(view, context, handler);
  }

  /** The problems the task's context policy finds in a payload (the same the completion refuses). */
  @Transactional(readOnly = true)
  List<Problem> problems(FormTask task, Object payload) {
    return policy(task.handler(), task.context(), payload);
  }

  private static <P> List<Problem> policy(TaskHandler<P> handler, TaskContext context, Object payload) {
    return handler.problems(context, handler.payloadType().cast(payload));
  }

  /**
   * Claims the task for the user. Of two claims at once, one wins and the other is a conflict naming the task (see
   * {@link TaskRaces}).
   */
  public TaskView claim(String taskId, StaffMember user) {
    return races.settle(taskId, user, () -> transactions.execute(s -> claimInTransaction(taskId, user)));
  }

  private TaskView claimInTransaction(String taskId, StaffMember user) {
    Task task = visibleTask(taskId, user, "claim");
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw InvalidInputException.conflict(TaskRaces.FIELD, TaskRaces.CLAIMED, task.getAssignee());
    }
    TaskHandler<?> handler = handler(task);
    TaskContext context = context(task, user);
    handler.checkMayWork(context);
    if (task.getAssignee() == null) {
      engineTasks.claim(taskId, user.username());
    }
    if (user.role() == Role.CASEWORKER && context.caseId() > 0) {
      cases.takeIfUnassigned(context.caseId(), user.username());
    }
    access.record(user, context.caseId(), context.caseNumber(), AuditAction.WRITE, "claim: " + handler.kind());
    TaskView v = views(List.of(task)).get(0);
    // the task as read before the claim; its assignee is now the user
    return new TaskView(v.id(), v.kind(), v.taskKey(), v.name(), v.caseNumber(), v.childName(), v.childCprMasked(),
        v.created(), v.due(), user.username(), v.deadlineKind(), v.state(), v.details(), v.executionId());
  }

  /**
   * Completes the task with the payload of its kind. Of two completions at once, one wins and the process moves once;
   * the other is a conflict naming the task (see {@link TaskRaces}).
   */
  public void complete(String taskId, JsonNode body, StaffMember user) {
    races.settle(taskId, user, () -> transactions.execute(s -> {
      Task task = visibleTask(taskId, user, "complete");
      if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
        throw InvalidInputException.conflict(TaskRaces.FIELD, TaskRaces.CLAIMED, task.getAssignee());
      }
      completeWith(task, handler(task), body, user);
      return null;
    }));
  }

  private <P> void completeWith(Task task, TaskHandler<P> handler, JsonNode body, StaffMember user) {
    P payload = parse(body, handler.payloadType());
    Set<ConstraintViolation<P>> violations = validator.validate(payload);
    if (!violations.isEmpty()) {
      // a list element's own constraint is "goals[0].<list element>" to Bean Validation; the JSON path is goals[0]
      throw InvalidInputException.of(violations.stream().map(Problem::of)
          .sorted(Comparator.comparing(Problem::field).thenComparing(Problem::code)).toList());
    }
    TaskContext context = context(task, user);
    handler.checkMayWork(context);
    Map<String, Object> variables = handler.complete(context, payload);
    // an unclaimed task is claimed by whoever completes it, in the same engine command
    completion.complete(task.getId(), task.getAssignee() == null ? user.username() : null,
        variables == null ? Map.of() : new LinkedHashMap<>(variables));
    cases.recordHandler(context.caseId(), user.username());
    access.record(user, context.caseId(), context.caseNumber(), AuditAction.WRITE, "complete: " + handler.kind());
    if (user.role() == Role.CASEWORKER) {
      cases.takeIfUnassigned(context.caseId(), user.username());
    }
  }

  /**
   * The team's open tasks (candidates of its caseworkers' or its leaders' group, assigned or not) in the given
   * executions, by execution id: the tasks that guard a team leader's late deadlines. One statement, bounded by what
   * is asked for and not by the size of the team.
   */
  @Transactional(readOnly = true)
  public Map<String, OpenTask> teamTasksAt(String teamCode, Collection<String> executionIds) {
    Map<String, OpenTask> byExecution = new HashMap<>();
    for (Task t : reads.teamTasksAt(teamGroups(teamCode), executionIds)) {
      TaskHandler<?> h = handlers.get(t.getTaskDefinitionKey());
      byExecution.putIfAbsent(t.getExecutionId(), new OpenTask(t.getId(), h == null ? t.getTaskDefinitionKey()
          : h.kind(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getExecutionId()));
    }
    return byExecution;
  }

  /** How many of the team's open tasks each assignee holds (the caseload of the oversight view). */
  @Transactional(readOnly = true)
  public Map<String, Long> teamTaskCountsByAssignee(String teamCode) {
    return reads.assignedTeamTasks(teamGroups(teamCode)).stream()
        .collect(Collectors.groupingBy(Task::getAssignee, Collectors.counting()));
  }

  private static List<String> teamGroups(String teamCode) {
    return List.of(ProcessVariables.teamGroup(teamCode), ProcessVariables.leadGroup(teamCode));
  }

  private <P> P parse(JsonNode body, Class<P> type) {
    try {
      return json.treeToValue(body == null ? json.createObjectNode() : body, type);
    } catch (JsonProcessingException e) {
      throw JsonInputProblems.of(e);
    }
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
    dk.trappen.cases.CaseRef c = caseId != null ? cases.get(caseId.longValue())
        : cases.byNumbers(Set.of(reads.businessKeys(List.of(foreign.getProcessInstanceId()))
            .getOrDefault(foreign.getProcessInstanceId(), ""))).values().stream().findFirst().orElse(null);
    if (c == null) {
      return;
    }
    TaskHandler<?> h = handlers.get(foreign.getTaskDefinitionKey());
    access.recordRefusal(user, c, what + ": " + (h == null ? foreign.getTaskDefinitionKey() : h.kind()),
        CaseAccess.mayAccess(user, c) ? "not-candidate" : CaseAccess.OTHER_TEAM);
  }

  private List<TaskView> views(List<Task> tasks) {
    Set<String> instanceIds = new HashSet<>();
    Set<String> executionIds = new HashSet<>();
    for (Task t : tasks) {
      instanceIds.add(t.getProcessInstanceId());
      executionIds.add(t.getExecutionId());
    }
    Map<String, String> businessKeys = reads.businessKeys(instanceIds);
    Map<String, DeadlineView> due = deadlines.openByExecution(executionIds);
    Map<String, dk.trappen.cases.CaseRef> byNumber = cases.byNumbers(new HashSet<>(businessKeys.values()));
    return tasks.stream().map(t -> {
      DeadlineView d = due.get(t.getExecutionId());
      TaskHandler<?> h = handlers.get(t.getTaskDefinitionKey());
      String caseNumber = businessKeys.get(t.getProcessInstanceId());
      dk.trappen.cases.CaseRef c = byNumber.get(caseNumber);
      return new TaskView(t.getId(), h == null ? t.getTaskDefinitionKey() : h.kind(), t.getTaskDefinitionKey(),
          t.getName(), caseNumber, c == null ? null : c.childName(), c == null ? null : c.maskedCpr(),
          t.getCreateTime().toInstant(),
          d != null ? d.dueAt() : t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(),
          d == null ? null : d.kind(), d == null ? null : d.state(), Map.of(), t.getExecutionId());
    }).toList();
  }
}
