package dk.trappen.web;

import dk.trappen.api.TestStaff;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Shared plumbing of the page tests: the staff (as in the API tests: teams nord and syd; ida intake, karen and lars
 * caseworkers of nord, sofie of syd, birgitte and henrik team leaders), a fixed clock, signed-in users, cases brought
 * to a known point of the journey through the services, and the returned HTML parsed with jsoup.
 */
abstract class PageTestSupport {

  /** Tuesday 2 March 2027, 09:00 in Copenhagen. */
  protected static final Instant START = Instant.parse("2027-03-02T08:00:00Z");
  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 400));

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

  /** Signs the request in as a staff member with their role (pages use the session's user, not HTTP Basic). */
  protected RequestPostProcessor as(String username) {
    StaffMember m = org.member(username).orElseThrow();
    return SecurityMockMvcRequestPostProcessors.user(username).roles(m.role().name());
  }

  protected static Document html(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  /** A child born in 2014 with a CPR number of its own (so that the tests sharing a database do not meet). */
  protected record TestChild(String cpr, LocalDate birthDate, String firstName, String lastName) {
    String name() {
      return firstName + " " + lastName;
    }

    String formattedCpr() {
      return cpr.substring(0, 6) + "-" + cpr.substring(6);
    }
  }

  protected static TestChild newChild(String firstName, String lastName) {
    int n = SERIAL.incrementAndGet();
    LocalDate birth = LocalDate.of(2014, 1, 1).plusDays(n % 360);
    String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "4" + String.format("%03d", n % 1000);
    return new TestChild(cpr, birth, firstName, lastName);
  }

  /** Registers a school's notification about the child, received now, for team nord; returns the case number. */
  protected String notify(TestChild child) {
    return intake.register(new NewNotification(
        new NewNotification.ChildInput(child.cpr(), child.firstName(), child.lastName(), child.birthDate()),
        NotifierKind.SCHOOL, "Nørre Skole", "Lærer Hansen", "Kommer ofte sulten i skole.", now(), "nord"),
        null, "ida").caseNumber();
  }

  /**
   * A case on team nord with a running intervention on step PREVENTIVE: notification, acute assessment,
   * acknowledgement, investigation and the step choice, an hour apart.
   */
  protected String caseWithRunningIntervention(TestChild child) {
    String caseNumber = notify(child);
    later(1);
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_SendAcknowledgement", "ida", Map.of("note", "Sendt."));
    later(24 * 20);
    complete(caseNumber, "Task_Investigation", "karen", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
    later(24);
    complete(caseNumber, "Task_ChooseStep", "karen", Map.of("stepKey", "PREVENTIVE",
        "description", "Familierådgivning hver 14. dag.", "plannedEnd", "2027-12-31", "nextStepDownKey", "EARLY_HELP",
        "childNotHeardReason", "Barnet er for lille til en samtale."));
    later(1);
    return caseNumber;
  }

  protected void complete(String caseNumber, String taskKey, String username, Map<String, Object> payload) {
    StaffMember user = org.member(username).orElseThrow();
    TaskView task = tasks.tasksOfCase(caseNumber).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst()
        .orElseThrow(() -> new AssertionError("case " + caseNumber + " has no task " + taskKey + ": "
            + tasks.tasksOfCase(caseNumber)));
    tasks.complete(task.id(), json.valueToTree(payload), user);
  }

  protected Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  protected void later(long hours) {
    ClockUtil.setCurrentTime(Date.from(now().plusSeconds(hours * 3600)));
  }
}
