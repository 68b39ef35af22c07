package dk.trappen.deadlines;

import dk.trappen.api.TestStaff;
import dk.trappen.org.OrgService;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Shared plumbing of the outbox tests: the test staff (birgitte leads team nord), the engine clock held at a known
 * instant, and overdue register rows escalated the way the BPMN escalation step does it.
 */
abstract class OutboxTestSupport {

  /** Tuesday 2 March 2027, 09:00 in Copenhagen. */
  static final Instant START = Instant.parse("2027-03-02T08:00:00Z");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired
  DeadlineRegister register;
  @Autowired
  DeadlineRepository deadlines;
  @Autowired
  OutboxRepository outbox;
  @Autowired
  private OrgService org;
  @Autowired
  private PasswordEncoder encoder;

  @BeforeEach
  void staffAndClock() {
    TestStaff.ensure(org, encoder);
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  /** A process instance id no other test uses. */
  static String newProcessInstanceId() {
    return "pi-outbox-" + SEQUENCE.incrementAndGet();
  }

  /** An open acute-assessment deadline of team nord that fell due an hour ago. */
  Deadline overdueDeadline(String processInstanceId) {
    Deadline d = new Deadline();
    d.setCaseId(9000L + SEQUENCE.incrementAndGet());
    d.setCaseNumber("2027-9" + String.format("%03d", SEQUENCE.get() % 1000));
    d.setTeamCode("nord");
    d.setKind(DeadlineKind.ACUTE_ASSESSMENT);
    d.setProcessInstanceId(processInstanceId);
    d.setExecutionId(processInstanceId + "-task");
    d.setActivityId("Task_AcuteAssessment");
    d.setAnchorAt(START.minus(Duration.ofHours(25)));
    d.setDueAt(START.minus(Duration.ofHours(1)));
    d.setAtRiskFrom(START.minus(Duration.ofHours(7)));
    d.setRuleText("PT24H after the notification was received");
    d.setBasis("Barnets Lov §§ 136–137");
    d.setCreatedAt(START.minus(Duration.ofHours(25)));
    return deadlines.save(d);
  }

  /** Escalates a fresh overdue deadline; returns its notice's key. */
  String escalatedNotice() {
    String pi = newProcessInstanceId();
    Deadline d = overdueDeadline(pi);
    register.escalate(pi, DeadlineKind.ACUTE_ASSESSMENT);
    return EscalationOutbox.key(d.getId());
  }

  List<OutboxMessage> messagesWithKey(String key) {
    return outbox.findAll().stream().filter(m -> m.getMessageKey().equals(key)).toList();
  }
}
