package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Engine-only tests of the BPMN files: an in-memory engine (src/test/resources/camunda.cfg.xml), the beans the
 * processes call replaced by fakes, the engine clock moved by hand and timers fired by the test.
 */
@ExtendWith(ProcessEngineExtension.class)
abstract class ProcessTestSupport {

  static final String CASE_NUMBER = "2026-0042";
  static final long CASE_ID = 42L;
  static final long NOTIFICATION_ID = 7L;
  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  FakeDeadlines deadlines;
  FakeCaseClosure caseClosure;
  FakeStaircase staircase;
  FakePlannedEndReview plannedEndReview;

  ProcessEngine engine;

  @BeforeEach
  void registerFakesAndStartTheClock(ProcessEngine processEngine) {
    engine = processEngine;
    ClockUtil.setCurrentTime(Date.from(START));
    deadlines = new FakeDeadlines();
    caseClosure = new FakeCaseClosure();
    staircase = new FakeStaircase();
    plannedEndReview = new FakePlannedEndReview();
    Mocks.register("deadlines", deadlines);
    Mocks.register("caseClosure", caseClosure);
    Mocks.register("staircase", staircase);
    Mocks.register("plannedEndReview", plannedEndReview);
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClockAndFakes() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  // ---- services

  RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  TaskService tasks() {
    return engine.getTaskService();
  }

  ManagementService management() {
    return engine.getManagementService();
  }

  HistoryService history() {
    return engine.getHistoryService();
  }

  // ---- the case

  static Map<String, Object> caseVariables(boolean professionalNotifier) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseId", CASE_ID);
    vars.put("teamCode", "nord");
    vars.put("teamGroup", "team-nord");
    vars.put("leadGroup", "lead-nord");
    vars.put("childBirthDate", "2011-09-14");
    vars.put("receivedAt", Date.from(START));
    vars.put("awareAt", Date.from(START));
    vars.put("professionalNotifier", professionalNotifier);
    vars.put("notificationId", NOTIFICATION_ID);
    return vars;
  }

  ProcessInstance startCase(boolean professionalNotifier) {
    return runtime().startProcessInstanceByKey("youth-case", CASE_NUMBER, caseVariables(professionalNotifier));
  }

  /** Notification received, acute assessment: investigate. */
  ProcessInstance startInvestigation() {
    ProcessInstance pi = startCase(false);
    complete("Task_AcuteAssessment", Map.of("acuteOutcome", "INVESTIGATE"));
    return pi;
  }

  /** Investigation finished with the findings that drive the step recommendation. */
  static Map<String, Object> findings(String outcome) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("investigationOutcome", outcome);
    vars.put("investigationFinishedAt", now());
    vars.put("riskLevel", "MODERATE");
    vars.put("safeAtHome", true);
    vars.put("kinOrNetworkPossible", false);
    vars.put("youthWish", "STAY_HOME");
    if (outcome.equals("NO_INTERVENTION")) {
      vars.put("closureReason", "NO_INTERVENTION_NEEDED");
    }
    return vars;
  }

  /** Up to the running interventions: investigated, intervention decided, a non-placement step chosen. */
  ProcessInstance startInterventions() {
    ProcessInstance pi = startInvestigation();
    complete("Task_Investigation", findings("INTERVENTION"));
    complete("Task_ChooseStep", chooseStep(false));
    return pi;
  }

  /** What choosing a step sets (as the choose-step handler does): whether it is a placement, and when it was chosen. */
  static Map<String, Object> chooseStep(boolean placement) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("placementStep", placement);
    vars.put("interventionDecidedAt", now());
    return vars;
  }

  // ---- tasks, timers, history

  /** The one open task with this key in the case (any of its process instances, called ones included). */
  Task task(String key) {
    List<Task> found = openTasks(key);
    assertThat(found).as("open tasks " + key).hasSize(1);
    return found.get(0);
  }

  List<Task> openTasks(String key) {
    return tasks().createTaskQuery().processInstanceBusinessKey(CASE_NUMBER).taskDefinitionKey(key).list();
  }

  void complete(String key, Map<String, Object> vars) {
    tasks().complete(task(key).getId(), vars);
  }

  void complete(String key) {
    complete(key, Map.of());
  }

  List<String> candidateGroups(Task task) {
    return tasks().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  Job timer(String activityId) {
    List<Job> jobs = timers(activityId);
    assertThat(jobs).as("timer jobs " + activityId).hasSize(1);
    return jobs.get(0);
  }

  List<Job> timers(String activityId) {
    return management().createJobQuery().timers().activityId(activityId).list();
  }

  boolean timerDue(String activityId) {
    return management().createJobQuery().timers().activityId(activityId).executable().count() > 0;
  }

  void fire(Job job) {
    management().executeJob(job.getId());
  }

  /** A task guarded by a deadline, its boundary timer and the due time they share. */
  record Guarded(Task task, Job timer, Date due) {
  }

  /**
   * The open task {@code taskKey} and its deadline timer {@code timerId}: both carry the due time the register handed
   * out last for {@code kind}, and the timer is not due yet.
   */
  Guarded guarded(String taskKey, String timerId, String kind) {
    Task task = task(taskKey);
    Job job = timer(timerId);
    List<Date> dues = deadlines.duesOf(kind);
    assertThat(dues).as(kind + " deadlines handed out").isNotEmpty();
    Date due = dues.get(dues.size() - 1);
    assertThat(task.getDueDate()).as(taskKey + " due date").isNotNull().hasSameTimeAs(due);
    assertThat(job.getDuedate()).as(timerId + " due date").hasSameTimeAs(due);
    assertThat(due).as("due after now").isAfter(now());
    assertThat(timerDue(timerId)).as(timerId + " due yet").isFalse();
    return new Guarded(task, job, due);
  }

  /** The deadline passes: the timer becomes due and fires. */
  void missDeadline(Guarded guarded, String timerId) {
    clockAfter(guarded.due());
    assertThat(timerDue(timerId)).as(timerId + " due").isTrue();
    fire(guarded.timer());
  }

  boolean gone(Job job) {
    return management().createJobQuery().jobId(job.getId()).count() == 0;
  }

  /** The task of the guarded deadline is still open (the same task instance). */
  void stillOpen(Guarded guarded) {
    assertThat(tasks().createTaskQuery().taskId(guarded.task().getId()).count())
        .as(guarded.task().getTaskDefinitionKey() + " still open").isEqualTo(1);
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }

  static void clockAt(Date date) {
    ClockUtil.setCurrentTime(date);
  }

  static void clockAfter(Date date) {
    ClockUtil.setCurrentTime(new Date(date.getTime() + Duration.ofMinutes(1).toMillis()));
  }

  static void clockBefore(Date date) {
    ClockUtil.setCurrentTime(new Date(date.getTime() - Duration.ofMinutes(1).toMillis()));
  }

  /** Activity ids passed (started) in a process instance, in order. */
  List<String> passed(String processInstanceId) {
    return history().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  long timesPassed(String processInstanceId, String activityId) {
    return history().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(activityId).count();
  }

  /** The (only) instance of a called process in the case. */
  HistoricProcessInstance calledInstance(String processKey) {
    List<HistoricProcessInstance> found = calledInstances(processKey);
    assertThat(found).as("instances of " + processKey).hasSize(1);
    return found.get(0);
  }

  List<HistoricProcessInstance> calledInstances(String processKey) {
    return history().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(CASE_NUMBER).orderByProcessInstanceStartTime().asc().list();
  }

  Object historicVariable(String processInstanceId, String name) {
    var v = history().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .singleResult();
    return v == null ? null : v.getValue();
  }

  boolean ended(String processInstanceId) {
    return runtime().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }
}
