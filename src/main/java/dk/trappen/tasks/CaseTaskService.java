package dk.trappen.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.JsonInputProblems;
import dk.trappen.common.Problem;
import dk.trappen.common.ProcessVariables;
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
  private final CaseService cases;
  private final ObjectMapper json;
  private final Validator validator;
  private final Clock clock;
  private final CaseAccess access;
  private final TaskLookup lookup;
  private final EngineTaskReads reads;
  private final EngineTaskCompletion completion;
  private final TaskRaces races;
  private final TransactionTemplate transactions;

  CaseTaskService(org.camunda.bpm.engine.TaskService engineTasks, RuntimeService runtime, CaseService cases,
      ObjectMapper json, Validator validator, Clock clock, CaseAccess access, TaskLookup lookup, EngineTaskReads reads,
      EngineTaskCompletion completion, TaskRaces races, PlatformTransactionManager transactionManager) {
    this.engineTasks = engineTasks;
    this.runtime = runtime;
    this.cases = cases;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
    this.access = access;
    this.lookup = lookup;
    this.reads = reads;
    this.completion = completion;
    this.races = races;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * One page of the user's own tasks and their groups' open tasks, earliest due first (undated last), then oldest
   * first. {@code kind} (a task kind, see {@link TaskHandler#kind()}) and {@code state} (a deadline state or
   * {@code NONE}) filter the list when not blank. The database filters, orders and limits; the total is a count.
   */
  @Transactional(readOnly = true)
  public Page<TaskView> tasksFor(StaffMember user, String kind, String state, Pageable page) {
    return tasksFor(user, kind, state, null, page);
  }

  /**
   * The user's open tasks of {@code scope}: {@code mine} those assigned to them, {@code team} their teams' tasks that
   * nobody holds yet (to pick up), null both.
   */
  public Page<TaskView> tasksFor(StaffMember user, String kind, String state, TaskScope scope, Pageable page) {
    return tasksFor(user, kind, state, scope, TaskOrder.DEFAULT, page);
  }

  /**
   * As {@link #tasksFor(StaffMember, String, String, TaskScope, Pageable)}, in {@code order} (see {@link TaskOrder}):
   * the database orders, so that each page is the next part of one order.
   */
  @Transactional(readOnly = true)
  public Page<TaskView> tasksFor(StaffMember user, String kind, String state, TaskScope scope, TaskOrder order,
      Pageable page) {
    TaskListQuery q = new TaskListQuery(scope == TaskScope.TEAM ? null : user.username(),
        scope == TaskScope.MINE ? List.of() : user.candidateGroups(),
        kind == null || kind.isBlank() ? null : taskKeysOf(kind), state == null || state.isBlank() ? null : state,
        clock.instant(), order);
    List<TaskView> content = lookup.views(reads.openTaskPage(q, (int) page.getOffset(), page.getPageSize()));
    // a page shorter than asked for, or the first page when it holds everything, is its own total
    long total = content.size() < page.getPageSize() && (!content.isEmpty() || page.getOffset() == 0)
        ? page.getOffset() + content.size() : reads.countOpenTasks(q);
    return new PageImpl<>(content, page, total);
  }

  /** The kinds of task among the user's open tasks, in their natural order: the task list's kind filter. */
  @Transactional(readOnly = true)
  public SortedSet<String> taskKindsFor(StaffMember user) {
    return reads.oneOpenTaskPerKey(user.username(), user.candidateGroups()).stream()
        .map(t -> lookup.kindOf(t.getTaskDefinitionKey()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The user's own and their groups' open tasks on one case, oldest first (the intake view of the case). */
  @Transactional(readOnly = true)
  public List<TaskView> tasksOfCaseFor(String caseNumber, StaffMember user) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    return lookup.views(reads.openTasksIn(user.username(), user.candidateGroups(), instances));
  }

  /** The task definitions of a kind: those whose handler names the kind, or whose own key is it (no handler). */
  private Set<String> taskKeysOf(String kind) {
    Set<String> keys = new HashSet<>();
    lookup.handlers().forEach((key, h) -> {
      if (kind.equals(h.kind())) {
        keys.add(key);
      }
    });
    if (!lookup.handlers().containsKey(kind)) {
      keys.add(kind);
    }
    return keys;
  }

  /** Every open task of a case (for the case view). */
  @Transactional(readOnly = true)
  public List<TaskView> tasksOfCase(String caseNumber) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    if (instances.isEmpty()) {
      return List.of();
    }
    return lookup.views(engineTasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list());
  }

  @Transactional(readOnly = true)
  public TaskView task(String taskId, StaffMember user) {
    Task task = lookup.visibleTask(taskId, user, "task");
    TaskView view = lookup.views(List.of(task)).get(0);
    TaskHandler<?> handler = lookup.handlers().get(task.getTaskDefinitionKey());
    TaskContext context = lookup.context(task, user);
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
    return lookup.views(List.of(lookup.visibleTask(taskId, user, "complete"))).get(0);
  }

  /**
   * Claims the task for the user. Of two claims at once, one wins and the other is a conflict naming the task (see
   * {@link TaskRaces}).
   */
  public TaskView claim(String taskId, StaffMember user) {
    return races.settle(taskId, user, () -> transactions.execute(s -> claimInTransaction(taskId, user)));
  }

  private TaskView claimInTransaction(String taskId, StaffMember user) {
    Task task = lookup.visibleTask(taskId, user, "claim");
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw InvalidInputException.conflict(TaskRaces.FIELD, TaskRaces.CLAIMED, task.getAssignee());
    }
    TaskHandler<?> handler = lookup.handler(task);
    TaskContext context = lookup.context(task, user);
    handler.checkMayWork(context);
    if (task.getAssignee() == null) {
      engineTasks.claim(taskId, user.username());
    }
    if (user.role() == Role.CASEWORKER && context.caseId() > 0) {
      cases.takeIfUnassigned(context.caseId(), user.username());
    }
    access.record(user, context.caseId(), context.caseNumber(), AuditAction.WRITE, "claim: " + handler.kind());
    TaskView v = lookup.views(List.of(task)).get(0);
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
      Task task = lookup.visibleTask(taskId, user, "complete");
      if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
        throw InvalidInputException.conflict(TaskRaces.FIELD, TaskRaces.CLAIMED, task.getAssignee());
      }
      completeWith(task, lookup.handler(task), body, user);
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
    TaskContext context = lookup.context(task, user);
    handler.checkMayWork(context);
    Map<String, Object> variables = handler.complete(context, payload);
    // before the engine moves on: the case is the caseworker's when its next task is created (TaskRouting)
    if (user.role() == Role.CASEWORKER && context.caseId() > 0) {
      cases.takeIfUnassigned(context.caseId(), user.username());
    }
    // an unclaimed task is claimed by whoever completes it, in the same engine command
    completion.complete(task.getId(), task.getAssignee(), task.getAssignee() == null ? user.username() : null,
        variables == null ? Map.of() : new LinkedHashMap<>(variables));
    cases.recordHandler(context.caseId(), user.username());
    access.record(user, context.caseId(), context.caseNumber(), AuditAction.WRITE, "complete: " + handler.kind());
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
      byExecution.putIfAbsent(t.getExecutionId(), new OpenTask(t.getId(), lookup.kindOf(t.getTaskDefinitionKey()),
          t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getExecutionId()));
    }
    return byExecution;
  }

  /** How many of the team's open tasks each assignee holds (the caseload of the oversight view). */
  @Transactional(readOnly = true)
  public Map<String, Long> teamTaskCountsByAssignee(String teamCode) {
    return reads.assignedTeamTasks(teamGroups(teamCode)).stream()
        .collect(Collectors.groupingBy(Task::getAssignee, Collectors.counting()));
  }

  /** The ids of the team's open tasks that {@code assignee} holds (a deactivated caseworker's, to be handed over). */
  @Transactional(readOnly = true)
  public List<String> teamTaskIdsHeldBy(String teamCode, String assignee) {
    return reads.assignedTeamTasks(teamGroups(teamCode)).stream().filter(t -> assignee.equals(t.getAssignee()))
        .map(Task::getId).toList();
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

  // the lookups TeamReassignment uses

  Task visibleTask(String taskId, StaffMember user, String what) {
    return lookup.visibleTask(taskId, user, what);
  }

  TaskHandler<?> handler(Task task) {
    return lookup.handler(task);
  }

  TaskContext context(Task task, StaffMember user) {
    return lookup.context(task, user);
  }
}
