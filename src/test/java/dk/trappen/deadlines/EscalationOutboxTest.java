package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.common.ProcessVariables;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotificationReceipt;
import dk.trappen.intake.NotifierKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation of a missed deadline is its own idempotency guard: only the run that escalates the register row
 * writes the team leaders' notice into the outbox, so a timer job run twice (a lock expiry in a cluster) notifies
 * once.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("Escalation writes the team leaders' notice into the outbox once")
class EscalationOutboxTest extends OutboxTestSupport {

  @Autowired
  private PlatformTransactionManager transactionManager;
  @Autowired
  private IntakeService intake;
  @Autowired
  private ManagementService management;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private TaskService engineTasks;

  @Test
  @DisplayName("escalating the same deadline twice escalates one row and writes one notice")
  void escalating_twice_writes_one_notice() {
    String pi = newProcessInstanceId();
    Deadline d = overdueDeadline(pi);

    register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
    moveClock(Duration.ofMinutes(5));
    register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);

    Deadline row = deadlines.findById(d.getId()).orElseThrow();
    assertThat(row.getEscalatedAt()).isEqualTo(START);
    assertThat(row.getMissedAt()).isEqualTo(d.getDueAt());
    List<OutboxMessage> notices = messagesWithKey("deadline:" + d.getId() + ":escalated");
    assertThat(notices).hasSize(1);
    OutboxMessage notice = notices.get(0);
    assertThat(notice.getTopic()).isEqualTo("deadline-escalated");
    assertThat(notice.getRecipients()).isEqualTo("birgitte");
    assertThat(notice.getCaseNumber()).isEqualTo(d.getCaseNumber());
    assertThat(notice.getTeamCode()).isEqualTo("nord");
    assertThat(notice.getSubject()).isEqualTo("Frist overskredet: Akut vurdering i sag " + d.getCaseNumber());
    assertThat(notice.getBody()).contains("Barnets Lov §§ 136–137", "2027");
    assertThat(notice.getCreatedAt()).isEqualTo(START);
    assertThat(notice.getSentAt()).isNull();
    assertThat(notice.getAttempts()).isZero();
  }

  @Test
  @DisplayName("the escalating update changes a row only while it is open and not yet escalated")
  void the_escalating_update_changes_a_row_once() {
    Deadline d = overdueDeadline(newProcessInstanceId());
    Deadline met = overdueDeadline(newProcessInstanceId());
    met.setMetAt(START.minus(Duration.ofMinutes(10)));
    deadlines.save(met);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    assertThat(escalateRow(transaction, d.getId(), START)).isEqualTo(1);
    assertThat(escalateRow(transaction, d.getId(), START.plusSeconds(60))).isZero();
    assertThat(escalateRow(transaction, met.getId(), START)).isZero();

    Deadline row = deadlines.findById(d.getId()).orElseThrow();
    assertThat(row.getEscalatedAt()).isEqualTo(START);
    assertThat(row.getMissedAt()).isEqualTo(row.getDueAt());
    assertThat(deadlines.findById(met.getId()).orElseThrow().getEscalatedAt()).isNull();
  }

  @Test
  @DisplayName("two runs escalating the same process instance at once write exactly one notice")
  void two_concurrent_escalations_write_one_notice() throws Exception {
    String pi = newProcessInstanceId();
    Deadline d = overdueDeadline(pi);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CountDownLatch firstEscalated = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // the first run escalates and keeps its transaction (and the row lock) open while the second one starts
      Future<?> first = threads.submit(() -> transaction.executeWithoutResult(tx -> {
        register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
        firstEscalated.countDown();
        pause(Duration.ofMillis(500));
      }));
      Future<?> second = threads.submit(() -> {
        await(firstEscalated);
        register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
      });
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    assertThat(messagesWithKey(EscalationOutbox.key(d.getId()))).hasSize(1);
    assertThat(deadlines.findById(d.getId()).orElseThrow().getEscalatedAt()).isEqualTo(START);
  }

  @Test
  @DisplayName("two runs started together on the same process instances write one notice per deadline")
  void escalations_started_together_write_one_notice_per_deadline() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String pi = newProcessInstanceId();
        Deadline d = overdueDeadline(pi);
        CountDownLatch start = new CountDownLatch(1);
        Future<?> a = threads.submit(() -> {
          await(start);
          register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
        });
        Future<?> b = threads.submit(() -> {
          await(start);
          register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
        });
        start.countDown();
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        assertThat(messagesWithKey(EscalationOutbox.key(d.getId()))).as("round " + round).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  @DisplayName("the overdue acute-assessment timer escalates, queues one notice for the team leader and leaves the task "
      + "open; running the escalation again changes nothing")
  void the_deadline_timer_queues_one_notice_and_a_second_run_adds_none() {
    NotificationReceipt receipt = intake.register(new NewNotification(
        new NewNotification.ChildInput("0203124455", "Asta", "Holm", LocalDate.of(2012, 3, 2)),
        NotifierKind.SCHOOL, "Vestre Skole", null, "Meget fravær.", START, "nord"), null, "ida");
    String caseNumber = receipt.caseNumber();
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(ProcessVariables.PROCESS_YOUTH_CASE).singleResult().getId();

    moveClock(Duration.ofHours(25));
    for (Job job : management.createJobQuery().processInstanceId(pi).executable().list()) {
      management.executeJob(job.getId());
    }

    List<OutboxMessage> notices = outbox.findAll().stream().filter(m -> caseNumber.equals(m.getCaseNumber())).toList();
    assertThat(notices).hasSize(1);
    Deadline acute = deadlines.findByCaseIdOrderByDueAtAsc(notices.get(0).getCaseId()).stream()
        .filter(d -> d.getKind() == DeadlineKind.ACUTE_ASSESSMENT).findFirst().orElseThrow();
    assertThat(acute.getEscalatedAt()).isNotNull();
    assertThat(notices.get(0).getMessageKey()).isEqualTo("deadline:" + acute.getId() + ":escalated");
    assertThat(notices.get(0).getRecipients()).isEqualTo("birgitte");
    assertThat(engineTasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_AcuteAssessment").count())
        .isEqualTo(1);

    // the job run a second time (another node, after a lock expiry)
    register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
    assertThat(outbox.findAll().stream().filter(m -> caseNumber.equals(m.getCaseNumber()))).hasSize(1);
  }

  private int escalateRow(TransactionTemplate transaction, long id, Instant at) {
    Integer count = transaction.execute(tx -> deadlines.markEscalated(id, at, at.plus(Duration.ofDays(1))));
    return count == null ? -1 : count;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
