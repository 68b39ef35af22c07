package dk.trappen.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.query.NativeQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The task reads that every page and every task action makes, as Camunda native queries (its documented API for
 * queries the query builders cannot say, or cannot say cheaply).
 *
 * <p>Why not {@code createTaskQuery()}: the task query's MyBatis mapping is a large dynamic statement whose hundreds of
 * {@code <if>} tests are evaluated through OGNL reflection on every call, twice for an {@code or()} query. Profiling
 * the benchmark seeder (JFR, see docs/performance.md) put 38 % of the CPU in building and mapping such queries, most
 * of it for the task and process instance queries below; a native query is a fixed statement. The rows and the
 * {@link Task} objects are the engine's own.
 */
@Component
class EngineTaskReads {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final String taskTable;
  private final String linkTable;
  private final String executionTable;
  /** The deadline register's table (deadlines.Deadline), joined for the task list's order and state filter. */
  private static final String DEADLINE_TABLE = "deadline";

  EngineTaskReads(TaskService tasks, RuntimeService runtime, ManagementService management) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.taskTable = management.getTableName(TaskEntity.class);
    this.linkTable = management.getTableName(IdentityLinkEntity.class);
    this.executionTable = management.getTableName(ExecutionEntity.class);
  }

  /**
   * The task if it is assigned to {@code user} or a candidate task of one of {@code groups} (assigned or not); null
   * otherwise.
   */
  Task visibleTask(String taskId, String user, List<String> groups) {
    Map<String, Object> params = new HashMap<>();
    params.put("taskId", taskId);
    params.put("user", user);
    String sql = "select T.* from " + taskTable + " T where T.ID_ = #{taskId} and (T.ASSIGNEE_ = #{user}"
        + (groups.isEmpty() ? "" : " or " + candidateLinkOf(groups, params)) + ")";
    return with(tasks.createNativeTaskQuery().sql(sql), params).singleResult();
  }

  /**
   * One page of the user's open tasks (see {@link #visibleOpenTasks}), in the order the query asks for (see
   * {@link #orderBy}). The database orders and limits ({@code listPage}); only the page's rows are read.
   */
  List<Task> openTaskPage(TaskListQuery q, int first, int max) {
    Map<String, Object> params = new HashMap<>();
    String sql = "select T.* " + fromVisible(q, true, params) + orderBy(q.order());
    return with(tasks.createNativeTaskQuery().sql(sql), params).listPage(first, max);
  }

  /**
   * The task list's order. The default ({@code due}): earliest due first (the open deadline's due date, else the
   * task's own), undated last, then oldest first, then by id so that pages never overlap. {@code received}: by the
   * task's creation time; {@code case}: by the case number (the process instance's business key, joined by its primary
   * key only for this order); {@code kind}: by the task's name. A key that is not the due date is followed by the
   * default order; {@code desc} turns the whole order round except that tasks without a value (undated, no case) stay
   * last, in either direction. Null ordering is spelled out ({@code case when ... is null}) because H2 and PostgreSQL
   * put nulls at different ends.
   */
  private static String orderBy(TaskOrder order) {
    String dir = order.descending() ? " desc" : "";
    String due = "coalesce(D.due_at, T.DUE_DATE_)";
    String byDue = "case when " + due + " is null then 1 else 0 end, " + due + dir + ", T.CREATE_TIME_" + dir
        + ", T.ID_" + dir;
    return " order by " + switch (order.sort()) {
      case DUE -> byDue;
      case RECEIVED -> "T.CREATE_TIME_" + dir + ", T.ID_" + dir;
      case CASE -> "case when P.BUSINESS_KEY_ is null then 1 else 0 end, P.BUSINESS_KEY_" + dir + ", " + byDue;
      case KIND -> "case when T.NAME_ is null then 1 else 0 end, T.NAME_" + dir + ", " + byDue;
    };
  }

  /** How many open tasks the user's list holds with these filters (the page's total). */
  long countOpenTasks(TaskListQuery q) {
    Map<String, Object> params = new HashMap<>();
    return with(tasks.createNativeTaskQuery().sql("select count(*) " + fromVisible(q, false, params)), params).count();
  }

  /**
   * The task definition keys among the user's open tasks, one task of each: for the task list's kind filter, grouped
   * by the database (a handful of rows, however long the list).
   */
  List<Task> oneOpenTaskPerKey(String user, List<String> groups) {
    Map<String, Object> params = new HashMap<>();
    String sql = "select T.* from " + taskTable + " T where T.ID_ in (select min(V.ID_) from ("
        + visibleOpenTasks(user, groups, null, params) + ") V group by V.TASK_DEF_KEY_)";
    return with(tasks.createNativeTaskQuery().sql(sql), params).list();
  }

  /** The user's open tasks (see {@link #visibleOpenTasks}) in these process instances: their tasks on one case. */
  List<Task> openTasksIn(String user, List<String> groups, List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    Map<String, Object> params = new HashMap<>();
    String sql = "select T.* from (" + visibleOpenTasks(user, groups, processInstanceIds, params) + ") T"
        + " order by T.CREATE_TIME_, T.ID_";
    return with(tasks.createNativeTaskQuery().sql(sql), params).list();
  }

  /**
   * The filtered task list: the visible tasks, each with its open deadline (the earliest due if the execution has
   * several open ones, as {@code DeadlineRegister.openByExecution} picks it) whose due date orders the list and whose
   * state the state filter asks about. The deadline table is read here by its columns rather than through the
   * deadlines feature's service, because the order and the filter must be the database's for paging to be. When
   * {@code ordered} by case number, the process instance is joined as {@code P} (a count needs no order).
   */
  private String fromVisible(TaskListQuery q, boolean ordered, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder("from (").append(visibleOpenTasks(q.user(), q.groups(), null, params))
        .append(") T left join ").append(DEADLINE_TABLE).append(" D on D.execution_id = T.EXECUTION_ID_")
        .append(" and D.met_at is null and D.cancelled_at is null and not exists (select 1 from ")
        .append(DEADLINE_TABLE).append(" D2 where D2.execution_id = D.execution_id and D2.met_at is null")
        .append(" and D2.cancelled_at is null and (D2.due_at < D.due_at or (D2.due_at = D.due_at and D2.id < D.id)))");
    if (ordered && q.order().sort() == TaskOrder.Sort.CASE) {
      // the case number to order by: the process instance's business key, by the execution table's primary key
      sql.append(" left join ").append(executionTable).append(" P on P.ID_ = T.PROC_INST_ID_");
    }
    sql.append(" where 1 = 1");
    if (q.taskKeys() != null) {
      sql.append(q.taskKeys().isEmpty() ? " and 1 = 0"
          : " and T.TASK_DEF_KEY_ in (" + placeholders("k", List.copyOf(q.taskKeys()), params) + ")");
    }
    if (q.state() != null) {
      // in whole seconds, as the register compares (DueTime): a deadline due at 23:59:59 is overdue from midnight
      params.put("now", java.util.Date.from(dk.trappen.deadlines.DueTime.secondOf(q.now())));
      sql.append(switch (q.state()) {
        case "NONE" -> " and D.id is null";
        case "OVERDUE" -> " and D.id is not null and D.paused_at is null and D.due_at < #{now}";
        case "AT_RISK" -> " and D.id is not null and D.paused_at is null and D.due_at >= #{now}"
            + " and D.at_risk_from <= #{now}";
        case "OPEN" -> " and D.id is not null and D.paused_at is null and D.due_at >= #{now}"
            + " and D.at_risk_from > #{now}";
        // an open task's deadline is open: met, met late, cancelled and paused (or anything else) match none
        default -> " and 1 = 0";
      });
    }
    return sql.toString();
  }

  /**
   * Active tasks assigned to {@code user} (none when null), and active unassigned candidate tasks of {@code groups}
   * (if given, only in these process instances): two index reads joined by {@code union all}, because an {@code or} across them made
   * PostgreSQL scan every task (the benchmark's task list grew from 7.3 to 12.4 ms p95 between 10,000 and 20,000
   * cases).
   */
  private String visibleOpenTasks(String user, List<String> groups, List<String> processInstanceIds,
      Map<String, Object> params) {
    String inInstances = processInstanceIds == null ? ""
        : " and T.PROC_INST_ID_ in (" + placeholders("pi", processInstanceIds, params) + ")";
    List<String> parts = new ArrayList<>();
    if (user != null) {
      params.put("user", user);
      parts.add("select T.* from " + taskTable + " T where T.SUSPENSION_STATE_ = 1 and T.ASSIGNEE_ = #{user}"
          + inInstances);
    }
    if (!groups.isEmpty()) {
      parts.add("select T.* from " + taskTable + " T where T.SUSPENSION_STATE_ = 1 and T.ASSIGNEE_ is null and "
          + candidateOf(groups, params) + inInstances);
    }
    return parts.isEmpty() ? "select T.* from " + taskTable + " T where 1 = 0" : String.join(" union all ", parts);
  }


  /** Active tasks in these executions that are candidate tasks of one of {@code groups}, assigned or not. */
  List<Task> teamTasksAt(List<String> groups, Collection<String> executionIds) {
    List<String> ids = executionIds.stream().filter(Objects::nonNull).distinct().toList();
    List<Task> found = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 500) {
      Map<String, Object> params = new HashMap<>();
      String in = placeholders("ex", ids.subList(from, Math.min(ids.size(), from + 500)), params);
      String sql = "select T.* from " + taskTable + " T where T.SUSPENSION_STATE_ = 1 and T.EXECUTION_ID_ in (" + in
          + ") and " + candidateLinkOf(groups, params);
      found.addAll(with(tasks.createNativeTaskQuery().sql(sql), params).list());
    }
    return found;
  }

  /** Active assigned tasks that are candidate tasks of one of {@code groups}. */
  List<Task> assignedTeamTasks(List<String> groups) {
    Map<String, Object> params = new HashMap<>();
    String sql = "select T.* from " + taskTable + " T where T.SUSPENSION_STATE_ = 1 and T.ASSIGNEE_ is not null and "
        + candidateOf(groups, params);
    return with(tasks.createNativeTaskQuery().sql(sql), params).list();
  }

  /** The assignment times of tasks ({@link TaskAssignment}), joined on the task's id and its current assignee. */
  private static final String ASSIGNMENT_TABLE = "task_assignment";

  /**
   * How many active tasks {@code user} holds that became theirs after {@code since}: the range of the assignment
   * table's index (assignee, assigned_at), each row checked against the engine's task by its primary key and
   * assignee, so that a row the engine no longer agrees with is never counted.
   */
  long countAssignedSince(String user, java.time.Instant since) {
    Map<String, Object> params = new HashMap<>();
    return with(tasks.createNativeTaskQuery().sql("select count(*) " + fromAssigned(user, since, params)), params)
        .count();
  }

  /** The active tasks {@code user} holds that became theirs after {@code since}, newest first, at most {@code max}. */
  List<Task> assignedSince(String user, java.time.Instant since, int max) {
    Map<String, Object> params = new HashMap<>();
    String sql = "select T.* " + fromAssigned(user, since, params) + " order by A.assigned_at desc, T.ID_";
    return with(tasks.createNativeTaskQuery().sql(sql), params).listPage(0, max);
  }

  private String fromAssigned(String user, java.time.Instant since, Map<String, Object> params) {
    params.put("user", user);
    params.put("since", java.util.Date.from(since));
    return "from " + ASSIGNMENT_TABLE + " A join " + taskTable + " T on T.ID_ = A.task_id and T.ASSIGNEE_ = A.assignee"
        + " where A.assignee = #{user} and A.assigned_at > #{since} and T.SUSPENSION_STATE_ = 1";
  }

  /** The business key (the case number) of each of these process instances, by instance id. */
  Map<String, String> businessKeys(Collection<String> processInstanceIds) {
    Map<String, String> keys = new HashMap<>();
    List<String> ids = processInstanceIds.stream().distinct().toList();
    for (int from = 0; from < ids.size(); from += 500) {
      Map<String, Object> params = new HashMap<>();
      String in = placeholders("pi", ids.subList(from, Math.min(ids.size(), from + 500)), params);
      String sql = "select E.* from " + executionTable + " E where E.ID_ = E.PROC_INST_ID_ and E.ID_ in (" + in + ")";
      for (ProcessInstance p : with(runtime.createNativeProcessInstanceQuery().sql(sql), params).list()) {
        keys.put(p.getId(), p.getBusinessKey());
      }
    }
    return keys;
  }

  /** The task is a candidate task of one of the groups: a semi-join driven by the identity links' group index. */
  private String candidateOf(List<String> groups, Map<String, Object> params) {
    return "T.ID_ in (select I.TASK_ID_ from " + linkTable + " I where I.GROUP_ID_ in ("
        + placeholders("g", groups, params) + ") and I.TYPE_ = 'candidate')";
  }

  /**
   * The task is a candidate task of one of the groups, asked of the task's own identity links (the index on their task
   * id): for statements that have already narrowed the tasks down to one or a few executions. The semi-join of
   * {@link #candidateOf} reads every candidate link of the groups first; for one task of the intake group that was the
   * link of every open acute assessment of the municipality (of the country, in the benchmark), on every task action.
   */
  private String candidateLinkOf(List<String> groups, Map<String, Object> params) {
    return "exists (select 1 from " + linkTable + " I where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate'"
        + " and I.GROUP_ID_ in (" + placeholders("g", groups, params) + "))";
  }

  private static String placeholders(String prefix, List<String> values, Map<String, Object> params) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      params.put(prefix + i, values.get(i));
      in.append(i == 0 ? "" : ", ").append("#{").append(prefix).append(i).append('}');
    }
    return in.toString();
  }

  private static <Q extends NativeQuery<Q, ?>> Q with(Q query, Map<String, Object> params) {
    params.forEach(query::parameter);
    return query;
  }
}
