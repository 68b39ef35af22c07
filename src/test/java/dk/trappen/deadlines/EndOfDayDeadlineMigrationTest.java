package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ProcessVariables;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-off migration of the open deadlines to the end of their last day, against the real register and engine:
 * deadlines opened as the old rules computed them (due at the anchor's clock time on the last day) move to 23:59:59
 * of that day, in the register, the boundary timer, the task's due date and {@code deadlineDue}; no clock restarts.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("Migration of the open deadlines to the end of their last day")
class EndOfDayDeadlineMigrationTest {

  @Autowired ApplicationContext context;
  @Autowired CaseService cases;
  @Autowired DeadlineRepository repository;
  @Autowired DeadlineRules rules;
  @Autowired EndOfDayDeadlineMigration migration;
  @Autowired ManagementService management;
  @Autowired TaskService engineTasks;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate tx;

  /** A row as it stood before the migration. */
  record Before(Instant dueAt, Instant atRiskFrom, Instant anchorAt, Instant createdAt, String ruleText) {
    static Before of(Deadline d) {
      return new Before(d.getDueAt(), d.getAtRiskFrom(), d.getAnchorAt(), d.getCreatedAt(), d.getRuleText());
    }
  }

  @Test
  @DisplayName("open rows counted in working days or periods move to 23:59:59 of their last day with their timer, task"
      + " and deadlineDue; anchor and creation time stay; an hour rule, a met and a cancelled row are untouched; a"
      + " second run changes nothing, and the start-up run ran once")
  void openDeadlinesMoveToTheEndOfTheirLastDay() throws Exception {
    JourneySeeder seeder = new JourneySeeder(context);
    ZonedDateTime yesterday = ZonedDateTime.now(rules.zone()).minusDays(1).with(LocalTime.of(10, 15));
    CaseRef notified = cases.get(seeder.notificationReceived(yesterday.toInstant()));
    CaseRef running = cases.get(seeder.interventionsRunning(1, Instant.now().minus(Duration.ofDays(20)), 1).get(0));
    List<Long> caseIds = List.of(notified.id(), running.id());

    // the rows as the rules now compute them, then put back to how the old rules computed them
    Map<Long, Instant> expected = new HashMap<>();
    List<Deadline> untouched = new ArrayList<>();
    for (Deadline d : openRows(caseIds)) {
      if (rules.rule(d.getKind()).shape() == DeadlineRule.Shape.DURATION) {
        untouched.add(d);
        continue;
      }
      assertThat(d.getDueAt().atZone(rules.zone()).toLocalTime()).isEqualTo(DeadlineRule.END_OF_DAY);
      expected.put(d.getId(), d.getDueAt());
      regress(d);
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(4); // acknowledgement, action plan, network meeting, follow-up
    assertThat(untouched).extracting(Deadline::getKind).contains(DeadlineKind.ACUTE_ASSESSMENT);
    Deadline met = repository.findByCaseIdOrderByDueAtAsc(running.id()).stream()
        .filter(d -> d.getKind() == DeadlineKind.ACKNOWLEDGEMENT && d.getMetAt() != null).findFirst().orElseThrow();
    met.setDueAt(oldStyle(met));
    untouched.add(repository.save(met));
    untouched.add(repository.save(cancelledCopyOf(met)));
    Map<Long, Before> before = new HashMap<>();
    for (Deadline d : repository.findAllById(caseRows(caseIds))) {
      before.put(d.getId(), Before.of(d));
    }

    EndOfDayDeadlineMigration.Moved moved = tx.execute(s -> migration.migrate(caseIds));

    assertThat(moved).isEqualTo(new EndOfDayDeadlineMigration.Moved(expected.size(), 0, expected.size(),
        expected.size()));
    for (Map.Entry<Long, Instant> e : expected.entrySet()) {
      Deadline d = repository.findById(e.getKey()).orElseThrow();
      Before was = before.get(d.getId());
      String what = d.getKind().key();
      assertThat(d.getDueAt()).as(what).isEqualTo(e.getValue());
      assertThat(d.getDueAt().atZone(rules.zone()).toLocalDate()).as(what)
          .isEqualTo(was.dueAt().atZone(rules.zone()).toLocalDate());
      assertThat(d.getDueAt()).as(what).isAfter(was.dueAt());
      assertThat(d.getLegalDueAt()).as(what + " legal due, never extended").isEqualTo(d.getDueAt());
      assertThat(d.getAtRiskFrom()).as(what).isEqualTo(d.getDueAt().minus(rules.rule(d.getKind()).atRisk()));
      assertThat(d.getRuleText()).as(what).startsWith("by the end of");
      assertThat(d.getAnchorAt()).as(what).isEqualTo(was.anchorAt());
      assertThat(d.getCreatedAt()).as(what).isEqualTo(was.createdAt());
      assertThat(timerDues(d.getExecutionId())).as(what + " timer").containsExactly(Date.from(d.getDueAt()));
      Task task = engineTasks.createTaskQuery().executionId(d.getExecutionId()).singleResult();
      assertThat(task.getDueDate()).as(what + " task").isEqualTo(Date.from(d.getDueAt()));
      assertThat(runtime.getVariableLocal(d.getExecutionId(), ProcessVariables.DEADLINE_DUE)).as(what + " deadlineDue")
          .isEqualTo(Date.from(d.getDueAt()));
    }
    for (Deadline d : untouched) {
      assertThat(Before.of(repository.findById(d.getId()).orElseThrow())).as(d.getKind().key() + " " + d.getId())
          .isEqualTo(before.get(d.getId()));
    }
    Deadline acute = untouched.get(0);
    assertThat(timerDues(acute.getExecutionId())).containsExactly(Date.from(acute.getDueAt()));

    Map<Long, Before> after = new HashMap<>();
    for (Deadline d : repository.findAllById(caseRows(caseIds))) {
      after.put(d.getId(), Before.of(d));
    }
    EndOfDayDeadlineMigration.Moved again = tx.execute(s -> migration.migrate(caseIds));
    assertThat(again).isEqualTo(new EndOfDayDeadlineMigration.Moved(0, 0, 0, 0));
    for (Deadline d : repository.findAllById(caseRows(caseIds))) {
      assertThat(Before.of(d)).isEqualTo(after.get(d.getId()));
    }
    // the start-up run of this context recorded itself: no second run
    assertThat(migration.runOnce()).isFalse();
  }

  // ---- support

  private List<Deadline> openRows(List<Long> caseIds) {
    List<Deadline> rows = new ArrayList<>();
    for (Long id : caseIds) {
      rows.addAll(repository.findByCaseIdAndMetAtIsNullAndCancelledAtIsNull(id));
    }
    rows.sort((a, b) -> Long.compare(a.getId(), b.getId()));
    return rows;
  }

  private List<Long> caseRows(List<Long> caseIds) {
    List<Long> ids = new ArrayList<>();
    for (Long id : caseIds) {
      repository.findByCaseIdOrderByDueAtAsc(id).forEach(d -> ids.add(d.getId()));
    }
    return ids;
  }

  /** The due time the old rules gave: the last day at the anchor's local clock time. */
  private Instant oldStyle(Deadline d) {
    LocalDate lastDay = d.getDueAt().atZone(rules.zone()).toLocalDate();
    LocalTime clockTime = d.getAnchorAt().atZone(rules.zone()).toLocalTime();
    return ZonedDateTime.of(lastDay, clockTime, rules.zone()).toInstant();
  }

  /** Puts an open row, its timer, its task's due date and its deadlineDue back to the old rules' due time. */
  private void regress(Deadline d) {
    Instant newDue = d.getDueAt();
    Instant old = oldStyle(d);
    assertThat(old).isBefore(newDue);
    d.setDueAt(old);
    d.setLegalDueAt(old); // as V23 set it for a row opened before the extensions
    d.setAtRiskFrom(old.minus(rules.rule(d.getKind()).atRisk()));
    d.setRuleText(d.getRuleText().replaceFirst("^by the end of the day ", ""));
    repository.save(d);
    List<Job> timers = management.createJobQuery().executionId(d.getExecutionId()).timers().list();
    assertThat(timers).hasSize(1);
    management.setJobDuedate(timers.get(0).getId(), Date.from(old));
    Task task = engineTasks.createTaskQuery().executionId(d.getExecutionId()).singleResult();
    task.setDueDate(Date.from(old));
    engineTasks.saveTask(task);
    runtime.setVariableLocal(d.getExecutionId(), ProcessVariables.DEADLINE_DUE, Date.from(old));
  }

  private Deadline cancelledCopyOf(Deadline d) {
    Deadline c = new Deadline();
    c.setCaseId(d.getCaseId());
    c.setCaseNumber(d.getCaseNumber());
    c.setTeamCode(d.getTeamCode());
    c.setKind(d.getKind());
    c.setProcessInstanceId(d.getProcessInstanceId());
    c.setExecutionId(d.getExecutionId() + "-cancelled");
    c.setActivityId(d.getActivityId());
    c.setAnchorAt(d.getAnchorAt());
    c.setDueAt(d.getDueAt());
    c.setAtRiskFrom(d.getAtRiskFrom());
    c.setRuleText(d.getRuleText());
    c.setBasis(d.getBasis());
    c.setCreatedAt(d.getCreatedAt());
    c.setCancelledAt(d.getCreatedAt().plusSeconds(60));
    return c;
  }

  private List<Date> timerDues(String executionId) {
    return management.createJobQuery().executionId(executionId).timers().list().stream().map(Job::getDuedate)
        .toList();
  }
}
