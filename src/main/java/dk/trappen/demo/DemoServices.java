package dk.trappen.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.IntakeService;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.plan.PlanService;
import dk.trappen.staircase.SafetyPlans;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.CaseTaskService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The services the demo's history is played through ({@link DemoJourney}), the staff who work it (each looked up once),
 * and the completing of a history case's tasks at the time of each event.
 */
record DemoServices(OrgService org, IntakeService intake, CaseTaskService tasks, TaskService engineTasks,
                   CaseService cases, PlanService plans, StaircaseService staircase, ObjectMapper json,
                   TransactionTemplate tx, OutcomeService outcomes, SafetyPlans safetyPlans, ZoneId zone,
                   Map<String, StaffMember> members) {

  /** A case's open task with a key (the case's process and its called processes share the business key). */
  private static final String OPEN_TASK_OF_CASE = "select T.* from ACT_RU_TASK T join ACT_RU_EXECUTION E"
      + " on E.ID_ = T.PROC_INST_ID_ where E.BUSINESS_KEY_ = #{caseNumber} and T.SUSPENSION_STATE_ = 1"
      + " and T.TASK_DEF_KEY_ = #{key}";

  StaffMember member(String username) {
    return members.computeIfAbsent(username, u -> org.member(u).orElseThrow());
  }

  /** Completes the case's open task {@code taskKey} as {@code username} at {@code when}; false if none is open. */
  boolean completeIfOpen(String caseNumber, Instant when, String taskKey, String username,
      Map<String, Object> payload) {
    ClockUtil.setCurrentTime(Date.from(when));
    Task task = openTask(caseNumber, taskKey);
    if (task == null) {
      return false;
    }
    tasks.complete(task.getId(), json.valueToTree(payload), member(username));
    return true;
  }

  Task openTask(String caseNumber, String taskKey) {
    return engineTasks.createNativeTaskQuery().sql(OPEN_TASK_OF_CASE).parameter("caseNumber", caseNumber)
        .parameter("key", taskKey).list().stream().findFirst().orElse(null);
  }
}
