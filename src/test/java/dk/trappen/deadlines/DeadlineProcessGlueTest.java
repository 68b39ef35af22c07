package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ProcessVariables;
import dk.trappen.testsupport.JourneySeeder;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The deadlines' process glue against the real register and engine: a guarded task opens its register row on its
 * own execution when it starts, and its boundary timer and due date read the same due time; and a case started on the
 * youth-case definition as shipped before the explicit opening (whose timers called {@code deadlines.due(execution,
 * kind)}) keeps working after the upgrade and migrates to the new version as the glue's comment says.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("Deadline process glue")
class DeadlineProcessGlueTest {

  private static final List<String> GUARDED_WHILE_INTERVENTIONS_RUN =
      List.of("Task_FollowUp", "Task_HoldNetworkMeeting", "Task_WriteActionPlan");

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService engineTasks;
  @Autowired CaseService cases;
  @Autowired DeadlineRegister deadlines;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("each guarded task opens one register row on its own execution when it starts, and its timer, its due"
      + " date and its task-local deadlineDue carry that row's due time")
  void guardedTasksOpenTheirDeadlineWhenTheyStart() throws Exception {
    CaseRef c = seedCase();

    Map<String, Instant> dues = guardedTasksAgreeWithTheRegister(c);

    for (Task task : openTasks(c.processInstanceId())) {
      if (dues.containsKey(task.getTaskDefinitionKey())) {
        assertThat(runtime.getVariableLocal(task.getExecutionId(), ProcessVariables.DEADLINE_DUE))
            .as(task.getTaskDefinitionKey() + " deadlineDue").isEqualTo(Date.from(dues.get(task.getTaskDefinitionKey())));
      }
    }
    // the tasks already done met their deadlines: the register holds no other open row of the case
    assertThat(deadlines.forCase(c.id()).stream().filter(d -> d.metAt() == null && d.cancelledAt() == null))
        .hasSize(GUARDED_WHILE_INTERVENTIONS_RUN.size());
  }

  @Test
  @DisplayName("a case started on the definition shipped before the explicit opening keeps its deadlines after the"
      + " upgrade; its migration to the new version is refused whole with updateEventTriggers and keeps every due time"
      + " without; a deadline missed afterwards is escalated once")
  void casesOnTheOlderDefinitionKeepWorking() throws Exception {
    ProcessDefinition legacy;
    try (InputStream in = getClass().getResourceAsStream("/legacy/youth-case-before-explicit-deadlines.bpmn")) {
      String id = repository.createDeployment().name("youth-case before explicit deadlines")
          .addInputStream("youth-case.bpmn", in).deploy().getId();
      legacy = repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }
    CaseRef c;
    ProcessDefinition current;
    try {
      c = seedCase();
    } finally {
      // the upgrade: the shipped definition is the latest again, for this test and every later one
      String id = repository.createDeployment().name("youth-case upgrade")
          .addClasspathResource("bpmn/youth-case.bpmn").deploy().getId();
      current = repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }
    assertThat(processDefinitionOf(c)).isEqualTo(legacy.getId());

    // the old expression opened the rows on the tasks' executions, as before; the old version has no deadlineDue
    Map<String, Instant> dues = guardedTasksAgreeWithTheRegister(c);
    for (Task task : openTasks(c.processInstanceId())) {
      assertThat(runtime.getVariableLocal(task.getExecutionId(), ProcessVariables.DEADLINE_DUE)).isNull();
    }
    Map<String, Date> timersBefore = timers(c.processInstanceId());
    List<DeadlineView> registerBefore = deadlines.forCase(c.id());

    // re-evaluating the timers would read a deadlineDue the old version never set: refused, nothing changes
    MigrationPlan reevaluating = runtime.createMigrationPlan(legacy.getId(), current.getId())
        .mapEqualActivities().updateEventTriggers().build();
    assertThatThrownBy(() -> runtime.newMigration(reevaluating).processInstanceIds(c.processInstanceId()).execute())
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("${deadlineDue}");
    assertThat(processDefinitionOf(c)).isEqualTo(legacy.getId());
    assertThat(timers(c.processInstanceId())).isEqualTo(timersBefore);

    // without: the timers keep the due times stored in their jobs, the register keeps its rows
    MigrationPlan plan = runtime.createMigrationPlan(legacy.getId(), current.getId()).mapEqualActivities().build();
    runtime.newMigration(plan).processInstanceIds(c.processInstanceId()).execute();
    assertThat(processDefinitionOf(c)).isEqualTo(current.getId());
    assertThat(timers(c.processInstanceId())).isEqualTo(timersBefore);
    assertThat(guardedTasksAgreeWithTheRegister(c)).isEqualTo(dues);
    assertThat(deadlines.forCase(c.id())).usingRecursiveComparison().ignoringFields("state")
        .isEqualTo(registerBefore);

    Date networkMeetingDue = timersBefore.get("Timer_NetworkMeetingDue");
    ClockUtil.setCurrentTime(new Date(networkMeetingDue.getTime() + 60_000));
    Job timer = management.createJobQuery().processInstanceId(c.processInstanceId())
        .activityId("Timer_NetworkMeetingDue").singleResult();
    management.executeJob(timer.getId());
    List<DeadlineView> escalated = deadlines.forCase(c.id()).stream()
        .filter(d -> d.kind() == DeadlineKind.NETWORK_MEETING && d.escalatedAt() != null).toList();
    assertThat(escalated).hasSize(1);
    assertThat(escalated.get(0).dueAt()).isEqualTo(networkMeetingDue.toInstant());
  }

  // ---- support

  /** A case with running interventions: action plan, network meeting and follow-up open, each guarded. */
  private CaseRef seedCase() throws Exception {
    Instant started = Instant.now().minus(Duration.ofDays(20));
    return cases.get(new JourneySeeder(context).interventionsRunning(1, started, 1).get(0));
  }

  /**
   * Each guarded open task has exactly one open register row, on the task's own execution and activity, and the
   * task's due date and its boundary timer (on the same execution) carry that row's due time. Returns the due times
   * by task key.
   */
  private Map<String, Instant> guardedTasksAgreeWithTheRegister(CaseRef c) {
    Map<String, Instant> dues = new TreeMap<>();
    for (Task task : openTasks(c.processInstanceId())) {
      if (!GUARDED_WHILE_INTERVENTIONS_RUN.contains(task.getTaskDefinitionKey())) {
        continue;
      }
      String key = task.getTaskDefinitionKey();
      List<DeadlineView> rows = deadlines.forCase(c.id()).stream()
          .filter(d -> task.getExecutionId().equals(d.executionId())).toList();
      assertThat(rows).as(key + " register rows on its execution").hasSize(1);
      DeadlineView row = rows.get(0);
      assertThat(row.activityId()).isEqualTo(key);
      assertThat(row.metAt()).isNull();
      assertThat(task.getDueDate()).as(key + " due date").isNotNull();
      assertThat(task.getDueDate().toInstant()).as(key + " due date").isEqualTo(row.dueAt());
      List<Job> timers = management.createJobQuery().executionId(task.getExecutionId()).timers().list();
      assertThat(timers).as(key + " timers").hasSize(1);
      assertThat(timers.get(0).getDuedate().toInstant()).as(key + " timer").isEqualTo(row.dueAt());
      dues.put(key, row.dueAt());
    }
    assertThat(dues).containsOnlyKeys(GUARDED_WHILE_INTERVENTIONS_RUN);
    return dues;
  }

  private List<Task> openTasks(String processInstanceId) {
    return engineTasks.createTaskQuery().processInstanceId(processInstanceId).list();
  }

  private String processDefinitionOf(CaseRef c) {
    return runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult()
        .getProcessDefinitionId();
  }

  private Map<String, Date> timers(String processInstanceId) {
    Map<String, Date> byActivity = new TreeMap<>();
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId();
      byActivity.put(activity, job.getDuedate());
    }
    return byActivity;
  }
}
