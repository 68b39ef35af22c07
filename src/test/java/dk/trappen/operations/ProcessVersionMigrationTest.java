package dk.trappen.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.testsupport.JourneySeeder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The upgrade procedure of the docs/production.md: running cases move to a new version of the youth
 * case process with Camunda's process instance migration, and no legal clock restarts — even when the migration is
 * told to re-evaluate the timers, since a timer reads its due time from the deadline register row of its execution.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("A new process version while cases are running")
class ProcessVersionMigrationTest {

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
  @DisplayName("running cases migrated to the new version keep every timer's and task's due time and the register rows,"
      + " and a deadline missed afterwards is escalated once")
  void migrated_cases_keep_their_legal_clocks() throws Exception {
    Instant started = Instant.now().minus(Duration.ofDays(20));
    String caseNumber = new JourneySeeder(context).interventionsRunning(1, started, 1).get(0);
    CaseRef c = cases.get(caseNumber);
    ProcessInstance before = runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId())
        .singleResult();
    Map<String, Date> timersBefore = timers(c.processInstanceId());
    Map<String, Date> tasksBefore = taskDueDates(c.processInstanceId());
    List<DeadlineView> registerBefore = deadlines.forCase(c.id());
    assertThat(timersBefore).containsKeys("Timer_NetworkMeetingDue", "Timer_FollowUpDue", "Timer_ActionPlanDue");

    // version 2: the same process with a changed task name (any change a release brings)
    String xml;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/youth-case.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = xml.replace("name=\"Follow up on interventions (§ 95)\"", "name=\"Opfølgning (§ 95)\"");
    assertThat(changed).isNotEqualTo(xml);
    repository.createDeployment().name("youth-case v2").addString("youth-case.bpmn", changed).deploy();
    ProcessDefinition v2 = repository.createProcessDefinitionQuery().processDefinitionKey("youth-case")
        .latestVersion().singleResult();
    assertThat(v2.getId()).isNotEqualTo(before.getProcessDefinitionId());

    MigrationPlan plan = runtime.createMigrationPlan(before.getProcessDefinitionId(), v2.getId())
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
    runtime.newMigration(plan).processInstanceIds(c.processInstanceId()).execute();

    ProcessInstance after = runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId())
        .singleResult();
    assertThat(after.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(timers(c.processInstanceId())).isEqualTo(timersBefore);
    assertThat(taskDueDates(c.processInstanceId())).isEqualTo(tasksBefore);
    assertThat(deadlines.forCase(c.id())).usingRecursiveComparison().ignoringFields("state")
        .isEqualTo(registerBefore);

    // the network meeting comes due on the new version: escalated once, from the original due time
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

  private Map<String, Date> timers(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .collect(Collectors.toMap(this::activityOf, Job::getDuedate, (x, y) -> x, TreeMap::new));
  }

  private String activityOf(Job job) {
    return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private Map<String, Date> taskDueDates(String processInstanceId) {
    return engineTasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .collect(Collectors.toMap(t -> t.getTaskDefinitionKey(), t -> t.getDueDate(), (x, y) -> x, TreeMap::new));
  }
}
