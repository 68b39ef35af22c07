package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.deadlines.DeadlineChangeView;
import dk.trappen.deadlines.DeadlineExtensions;
import dk.trappen.deadlines.DeadlineWithChanges;
import dk.trappen.testsupport.DeadlineEngineState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Extending and pausing a deadline on the pages (issue 20): the case page's forms (a caseworker's request, the team
 * leader's extension or pause, the resume), the team leader's requests on the overview with approve and refuse, the
 * legal and the current due time and the history on the case page, and the compliance figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Extending and pausing a deadline on the case page and the overview")
class DeadlineExtensionsPageTest extends PageTestSupport {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Autowired
  private DeadlineExtensions extensions;
  @Autowired
  private ManagementService management;
  @Autowired
  private TaskService engineTasks;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private AuditService audit;

  /** A case of team nord with its investigation open. */
  private String caseWithInvestigation(String first, String last) {
    String caseNumber = notify(newChild(first, last));
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    return caseNumber;
  }

  private DeadlineWithChanges investigation(String caseNumber) {
    return extensions.ofCase(cases.get(caseNumber).id()).stream()
        .filter(d -> d.deadline().kind().name().equals("INVESTIGATION")).findFirst().orElseThrow();
  }

  private void engineAt(String executionId, Instant due) {
    DeadlineEngineState.assertEngineAt(management, engineTasks, runtime, executionId, due);
  }

  private void finishInvestigation(String caseNumber) {
    complete(caseNumber, "Task_Investigation", "karen", Map.of(
        "findings", "Udtalelsen er modtaget.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
  }

  /** The INVESTIGATION figures of {@code month} in the team leader's figures export: {legal, extended, total}. */
  private long[] figures(YearMonth month) throws Exception {
    String csv = mvc.perform(get("/oversight/figures.csv").with(as("birgitte"))).andReturn().getResponse()
        .getContentAsString();
    long[] out = new long[3];
    for (String line : csv.split("\n")) {
      String[] f = line.trim().split(";");
      if (f.length >= 5 && f[1].equals("INVESTIGATION") && f[2].equals(month.toString())) {
        if (f[0].equals("compliance")) {
          out[0] = Long.parseLong(f[3]);
          out[2] = Long.parseLong(f[4]);
        } else if (f[0].equals("compliance_extended")) {
          out[1] = Long.parseLong(f[3]);
        }
      }
    }
    return out;
  }

  /** Met after the legal due time, by the current one: counted as met within an extended deadline, not late. */
  private void countedAsMetWithinExtension(Instant due) throws Exception {
    YearMonth month = YearMonth.from(due.atZone(CPH));
    ClockUtil.setCurrentTime(Date.from(due.minusSeconds(1)));
    long[] before = figures(month);
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
    long[] after = figures(month);
    assertThat(after[2] - before[2]).as("among the month's deadlines").isEqualTo(1);
    assertThat(after[1] - before[1]).as("met within an extended deadline").isEqualTo(1);
    assertThat(after[0] - before[0]).as("not met within the legal deadline").isZero();
  }

  @Test
  @DisplayName("karen asks on the case page, birgitte approves on the overview: the case page shows the legal and the "
      + "new due date and the history, the timer and the task move, each step is audited, and the figures count the "
      + "deadline met within its extension")
  void extensionAskedOnTheCasePageApprovedOnTheOverview() throws Exception {
    String caseNumber = caseWithInvestigation("Elna", "Forlænge");
    DeadlineWithChanges before = investigation(caseNumber);
    long id = before.deadline().id();
    Instant legal = before.deadline().legalDueAt();
    LocalDate newDate = legal.atZone(CPH).toLocalDate().plusDays(21);
    Instant newDue = legal.atZone(CPH).plusDays(21).toInstant();

    Document form = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(form.select("#deadline-" + id + " summary").text()).isEqualTo("Anmodning om fristforlængelse");
    assertThat(form.select("#deadlines th").eachText()).contains("Lovbestemt frist");
    assertThat(form.select("#deadline-" + id + " label").eachText())
        .contains("Forlæng frist", "Sæt frist i bero", "Ny frist", "Begrundelse");

    MvcResult asked = mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions")
        .param("type", "EXTENSION").param("newDueDate", newDate.toString())
        .param("reason", "Venter på børnepsykiatrisk udtalelse.").with(as("karen")).with(csrf())).andReturn();
    assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNumber + "#deadline-" + id);
    assertThat(investigation(caseNumber).deadline().dueAt()).as("nothing moves yet").isEqualTo(legal);
    engineAt(before.deadline().executionId(), legal);
    Document waiting = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(waiting.select("#deadline-" + id + " .deadline-change").text()).contains("Forlængelse")
        .contains("Afventer teamlederen").contains("Venter på børnepsykiatrisk udtalelse.");
    assertThat(waiting.select("#deadline-" + id + " form.decision-form")).as("karen does not decide").isEmpty();

    Document overview = html(mvc.perform(get("/oversight").with(as("birgitte"))).andReturn());
    long changeId = investigation(caseNumber).changes().get(0).id();
    assertThat(overview.select("#deadline-request-" + changeId).text()).contains(caseNumber)
        .contains("Venter på børnepsykiatrisk udtalelse.");
    assertThat(overview.select("#deadline-request-" + changeId + " button").eachText())
        .containsExactly("Godkend", "Afvis");

    MvcResult approved = mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions/" + changeId
        + "/decision").param("approve", "true").param("note", "Fint.").param("back", "oversight")
        .with(as("birgitte")).with(csrf())).andReturn();
    assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/oversight#deadline-requests");
    assertThat(approved.getFlashMap().get("flash")).isEqualTo("Anmodningen på sag " + caseNumber + " er godkendt.");

    DeadlineWithChanges after = investigation(caseNumber);
    assertThat(after.deadline().legalDueAt()).isEqualTo(legal);
    assertThat(after.deadline().dueAt()).isEqualTo(newDue);
    assertThat(after.changes()).extracting(DeadlineChangeView::state).extracting(Enum::name)
        .containsExactly("APPROVED");
    engineAt(after.deadline().executionId(), newDue);
    Document page = html(mvc.perform(get("/cases/" + caseNumber).with(as("hanne"))).andReturn());
    assertThat(page.select("#deadlines td.legal-due").text()).contains("fristen er flyttet");
    assertThat(page.select("#deadline-" + id + " .deadline-change").text()).contains("Godkendt")
        .contains("Afgjort af birgitte").contains("Fint.");
    assertThat(page.select("#deadline-" + id + " form")).as("a head of department reads").isEmpty();
    assertThat(audit.ofCase(cases.get(caseNumber).id()))
        .filteredOn(v -> v.action() == AuditAction.WRITE || v.action() == AuditAction.READ)
        .extracting(v -> v.username() + " " + v.what())
        .contains("karen deadlines: extension of deadline " + id,
            "birgitte page: deadline requests",
            "birgitte deadlines: approval of change " + changeId + " of deadline " + id);

    ClockUtil.setCurrentTime(Date.from(legal.plus(Duration.ofDays(3))));
    finishInvestigation(caseNumber);
    countedAsMetWithinExtension(newDue);
  }

  @Test
  @DisplayName("the team leader pauses on the case page and a caseworker resumes: the due date moves on by the days "
      + "paused, with the timer and the task, and the figures count it met within the extended deadline")
  void pausedAndResumedOnTheCasePage() throws Exception {
    String caseNumber = caseWithInvestigation("Bent", "Beroet");
    DeadlineWithChanges before = investigation(caseNumber);
    long id = before.deadline().id();
    Instant legal = before.deadline().legalDueAt();

    MvcResult paused = mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions")
        .param("type", "PAUSE").param("reason", "Afventer politiets afhøring.").with(as("birgitte")).with(csrf()))
        .andReturn();
    assertThat(paused.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNumber + "#deadline-" + id);
    assertThat(paused.getFlashMap().get("flash")).isEqualTo("Fristen er sat i bero.");
    assertThat(management.createJobQuery().executionId(before.deadline().executionId()).timers().list())
        .as("the deadline's timer").filteredOn(j -> j.getDuedate().toInstant().equals(before.deadline().dueAt()))
        .hasSize(1).extracting(Job::isSuspended).containsOnly(true);
    Instant pausedAt = now();
    Document page = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(page.select("#deadlines .badge-PAUSED").text()).isEqualTo("I bero");
    assertThat(page.select("#deadline-" + id + " form.deadline-resume button").text()).isEqualTo("Genoptag");

    later(24 * 40 + 5);
    MvcResult resumed = mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/resume")
        .param("reason", "Afhøringen er holdt.").with(as("karen")).with(csrf())).andReturn();
    assertThat(resumed.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + caseNumber + "#deadline-" + id);
    long days = Duration.between(pausedAt, now()).toDays() + 1;
    Instant newDue = legal.atZone(CPH).plusDays(days).toInstant();
    DeadlineWithChanges after = investigation(caseNumber);
    assertThat(after.deadline().legalDueAt()).isEqualTo(legal);
    assertThat(after.deadline().dueAt()).isEqualTo(newDue);
    assertThat(after.changes()).extracting(c -> c.type().name() + " " + c.state().name())
        .containsExactly("PAUSE APPROVED", "RESUME APPROVED");
    engineAt(after.deadline().executionId(), newDue);
    assertThat(audit.ofCase(cases.get(caseNumber).id())).extracting(v -> v.username() + " " + v.what())
        .contains("birgitte deadlines: pause of deadline " + id, "karen deadlines: resume of deadline " + id);

    ClockUtil.setCurrentTime(Date.from(legal.plus(Duration.ofDays(2))));
    finishInvestigation(caseNumber);
    countedAsMetWithinExtension(newDue);
  }

  @Test
  @DisplayName("a refused request shows each problem beside its field (400) and changes nothing; a refusal without a "
      + "note shows its problem beside the note on the overview")
  void refusalsBesideTheFields() throws Exception {
    String caseNumber = caseWithInvestigation("Rita", "Retur");
    DeadlineWithChanges before = investigation(caseNumber);
    long id = before.deadline().id();
    LocalDate due = before.deadline().dueAt().atZone(CPH).toLocalDate();

    MvcResult refused = mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions")
        .param("type", "EXTENSION").param("newDueDate", due.toString()).param("reason", " ")
        .with(as("karen")).with(csrf())).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document page = html(refused);
    assertThat(page.select("#deadline-" + id + "-reason-error").text()).isEqualTo("Skriv begrundelsen.");
    assertThat(page.select("#deadline-" + id + "-newDueDate-error").text()).startsWith("Den nye frist skal ligge efter");
    assertThat(page.select("#deadline-" + id + "-newDueDate").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#deadline-" + id + " details.deadline-ask").hasAttr("open")).isTrue();
    assertThat(investigation(caseNumber).changes()).isEmpty();

    mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions").param("type", "PAUSE")
        .param("reason", "Afventer.").with(as("karen")).with(csrf())).andReturn();
    long changeId = investigation(caseNumber).changes().get(0).id();
    MvcResult noNote = mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions/" + changeId
        + "/decision").param("approve", "false").param("back", "oversight").with(as("birgitte")).with(csrf()))
        .andReturn();
    assertThat(noNote.getResponse().getRedirectedUrl()).isEqualTo("/oversight#deadline-requests");
    Document overview = html(mvc.perform(get("/oversight").flashAttrs(noNote.getFlashMap()).with(as("birgitte")))
        .andReturn());
    assertThat(overview.select("#decision-" + changeId + "-note-error").text())
        .isEqualTo("Skriv, hvorfor anmodningen afvises.");
    DeadlineWithChanges still = investigation(caseNumber);
    assertThat(still.changes()).extracting(c -> c.state().name()).containsExactly("REQUESTED");
    assertThat(still.deadline().state().name()).isEqualTo("OPEN");
    // a caseworker cannot decide, by role
    assertThat(mvc.perform(post("/cases/" + caseNumber + "/deadlines/" + id + "/extensions/" + changeId
        + "/decision").param("approve", "true").with(as("karen")).with(csrf())).andReturn().getResponse()
        .getStatus()).isEqualTo(403);
  }
}
