package dk.trappen.tasks;

import dk.trappen.api.TestStaff;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Plumbing of the task form tests: the staff (as the API tests' TestStaff: ida intake; karen and lars caseworkers of
 * team nord; birgitte its team leader), a fixed clock, signed-in page requests, cases brought to a point of the
 * journey through the services, and HTML parsed with jsoup.
 */
abstract class TaskFormTestSupport {

  /** Tuesday 2 March 2027, 09:00 in Copenhagen. */
  protected static final Instant START = Instant.parse("2027-03-02T08:00:00Z");
  protected static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 500));

  @Autowired
  protected MockMvc mvc;
  @Autowired
  protected OrgService org;
  @Autowired
  protected IntakeService intake;
  @Autowired
  protected CaseService cases;
  @Autowired
  protected CaseTaskService tasks;
  @Autowired
  protected ObjectMapper json;
  @Autowired
  protected ManagementService management;
  @Autowired
  protected RuntimeService runtime;
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

  /** Signs a page request in as the staff member, with their role. */
  protected RequestPostProcessor as(String username) {
    StaffMember m = org.member(username).orElseThrow();
    return SecurityMockMvcRequestPostProcessors.user(username).roles(m.role().name());
  }

  protected static Document html(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  protected record TestChild(String cpr, LocalDate birthDate, String firstName, String lastName) {
    String name() {
      return firstName + " " + lastName;
    }
  }

  /** A child born on the given day, with a CPR number of its own (7th digit 7: born in the 2000s). */
  protected static TestChild child(String firstName, LocalDate birth) {
    int n = SERIAL.incrementAndGet();
    String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "7" + String.format("%03d", n % 1000);
    return new TestChild(cpr, birth, firstName, "Formtest");
  }

  protected static TestChild child(String firstName) {
    return child(firstName, LocalDate.of(2015, 1, 1).plusDays(SERIAL.get() % 300));
  }

  /** A school's notification about the child, received now, for team nord; returns the case number. */
  protected String notify(TestChild child) {
    return intake.register(new NewNotification(
        new NewNotification.ChildInput(child.cpr(), child.firstName(), child.lastName(), child.birthDate()),
        NotifierKind.SCHOOL, "Nørre Skole", "Lærer Hansen", "Kommer ofte sulten i skole.", now(), "nord"),
        null, "ida").caseNumber();
  }

  /** A case past its acute assessment and acknowledgement, with the investigation open. */
  protected String caseInInvestigation(TestChild child) {
    String caseNumber = notify(child);
    later(1);
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_SendAcknowledgement", "ida", Map.of("note", "Sendt."));
    later(24);
    return caseNumber;
  }

  /** A case whose investigation found a need for an intervention (PREVENTIVE is recommended): the step is chosen next. */
  protected String caseChoosingStep(TestChild child) {
    String caseNumber = caseInInvestigation(child);
    complete(caseNumber, "Task_Investigation", "karen", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
    later(24);
    return caseNumber;
  }

  /** A case with a running intervention on step PREVENTIVE: plan, network meeting and follow-up are open. */
  protected String caseWithRunningIntervention(TestChild child) {
    String caseNumber = caseChoosingStep(child);
    complete(caseNumber, "Task_ChooseStep", "karen", Map.of("stepKey", "PREVENTIVE",
        "description", "Familierådgivning hver 14. dag.", "plannedEnd", "2027-12-31", "nextStepDownKey", "EARLY_HELP",
        "childNotHeardReason", "Barnet er for lille til en samtale."));
    later(1);
    return caseNumber;
  }

  protected void complete(String caseNumber, String taskKey, String username, Map<String, Object> payload) {
    StaffMember user = org.member(username).orElseThrow();
    tasks.complete(task(caseNumber, taskKey).id(), json.valueToTree(payload), user);
  }

  protected TaskView task(String caseNumber, String taskKey) {
    return openTask(caseNumber, taskKey).orElseThrow(() -> new AssertionError("case " + caseNumber + " has no task "
        + taskKey + ": " + tasks.tasksOfCase(caseNumber).stream().map(TaskView::taskKey).toList()));
  }

  protected Optional<TaskView> openTask(String caseNumber, String taskKey) {
    return tasks.tasksOfCase(caseNumber).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst();
  }

  /** Runs every timer and async job of the case that is due now. */
  protected void fireDueJobs(String caseNumber) {
    for (int round = 0; round < 10; round++) {
      var due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
          .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
  }

  protected Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  protected void later(long hours) {
    ClockUtil.setCurrentTime(Date.from(now().plusSeconds(hours * 3600)));
  }

  protected LocalDate today() {
    return now().atZone(CPH).toLocalDate();
  }
}
