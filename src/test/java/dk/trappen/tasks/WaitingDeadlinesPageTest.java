package dk.trappen.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The two waits that got a clock (issue 20): the interim assessment, opened when the investigation turns at risk and
 * due with it, and the team leader's approval of a placement. Through the real glue and register: the rows, the case
 * page's deadline list and the team leader's overdue list.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Deadlines of the interim assessment and the placement approval")
class WaitingDeadlinesPageTest extends TaskFormTestSupport {

  @Autowired
  DeadlineRegister register;
  @Autowired
  CaseService caseService;

  @Test
  @DisplayName("the interim assessment opens when the investigation turns at risk, due with it and listed on the case"
      + " page with its basis; the investigation finished first cancels it, neither met nor missed")
  void interimAssessmentOpensAtRiskAndIsCancelledByTheInvestigation() throws Exception {
    String caseNumber = caseInInvestigation(child("Ingrid"));
    long caseId = caseService.get(caseNumber).id();
    DeadlineView investigation = only(caseId, DeadlineKind.INVESTIGATION);
    assertThat(openTask(caseNumber, "Task_InterimAssessment")).isEmpty();

    ClockUtil.setCurrentTime(Date.from(investigation.atRiskFrom().minusSeconds(60)));
    fireDueJobs(caseNumber);
    assertThat(openTask(caseNumber, "Task_InterimAssessment")).isEmpty();

    ClockUtil.setCurrentTime(Date.from(investigation.atRiskFrom().plusSeconds(60)));
    fireDueJobs(caseNumber);

    TaskView interim = task(caseNumber, "Task_InterimAssessment");
    DeadlineView row = only(caseId, DeadlineKind.INTERIM_ASSESSMENT);
    assertThat(row.dueAt()).isEqualTo(investigation.dueAt());
    assertThat(interim.due()).isEqualTo(investigation.dueAt());
    assertThat(row.activityId()).isEqualTo("Task_InterimAssessment");
    assertThat(row.state()).isEqualTo(DeadlineState.OPEN);
    assertThat(row.basis()).contains("Barnets Lov § 20, stk. 3");
    assertThat(row.rule()).isEqualTo(investigation.rule());
    assertThat(only(caseId, DeadlineKind.INVESTIGATION).state()).isEqualTo(DeadlineState.AT_RISK);
    Element listed = deadlineRow(caseNumber, "Foreløbig vurdering");
    assertThat(listed.text()).contains("Barnets Lov § 20, stk. 3").contains(row.rule());
    Document form = html(mvc.perform(get("/tasks/" + interim.id()).with(as("karen"))).andReturn());
    assertThat(form.select("textarea[name=assessment]")).hasSize(1);
    assertThat(form.text()).contains("bortfalder opgaven");

    complete(caseNumber, "Task_Investigation", "karen", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));

    assertThat(openTask(caseNumber, "Task_InterimAssessment")).isEmpty();
    assertThat(task(caseNumber, "Task_ChooseStep")).isNotNull();
    DeadlineView cancelled = only(caseId, DeadlineKind.INTERIM_ASSESSMENT);
    assertThat(cancelled.cancelledAt()).isNotNull();
    assertThat(cancelled.metAt()).isNull();
    assertThat(cancelled.missedAt()).isNull();
    assertThat(cancelled.escalatedAt()).isNull();
    assertThat(only(caseId, DeadlineKind.INVESTIGATION).metAt()).isNotNull();
  }

  @Test
  @DisplayName("an interim assessment not written by the investigation's deadline is escalated to the team leader"
      + " with the investigation, and written late it is met late")
  void interimAssessmentTooLateIsEscalated() {
    String caseNumber = caseInInvestigation(child("Jonna"));
    long caseId = caseService.get(caseNumber).id();
    DeadlineView investigation = only(caseId, DeadlineKind.INVESTIGATION);

    ClockUtil.setCurrentTime(Date.from(investigation.dueAt().plusSeconds(60)));
    fireDueJobs(caseNumber);

    DeadlineView interim = only(caseId, DeadlineKind.INTERIM_ASSESSMENT);
    assertThat(interim.escalatedAt()).isNotNull();
    assertThat(only(caseId, DeadlineKind.INVESTIGATION).escalatedAt()).isNotNull();
    assertThat(register.atRiskOrOverdue(List.of("nord"), DeadlineState.OVERDUE)).extracting(DeadlineView::id)
        .contains(interim.id(), investigation.id());

    complete(caseNumber, "Task_InterimAssessment", "karen", Map.of("assessment", "Vi mangler skolens udtalelse."));

    DeadlineView met = only(caseId, DeadlineKind.INTERIM_ASSESSMENT);
    assertThat(met.metAt()).isNotNull();
    assertThat(met.missedAt()).isEqualTo(met.dueAt());
    assertThat(task(caseNumber, "Task_Investigation")).isNotNull();
  }

  @Test
  @DisplayName("a placement proposed on Thursday 4 March 2027 is to be approved by Monday 8 March (2 working days),"
      + " listed on the case page with its municipal basis; missed, the team leader is alerted and can still approve")
  void placementApprovalHasAClock() throws Exception {
    String caseNumber = caseChoosingStep(child("Eik"));
    long caseId = caseService.get(caseNumber).id();
    assertThat(today()).isEqualTo(LocalDate.parse("2027-03-04"));
    complete(caseNumber, "Task_ChooseStep", "karen", Map.of("stepKey", "FOSTER_FAMILY",
        "description", "Plejefamilie i nærområdet.", "plannedEnd", "2028-06-30", "nextStepDownKey", "HOME_BASED",
        "justification", "Forældrene kan ikke drage omsorg for barnet.",
        "childNotHeardReason", "Barnet er for lille til en samtale."));

    TaskView approval = task(caseNumber, "Task_ApprovePlacement");
    DeadlineView row = only(caseId, DeadlineKind.PLACEMENT_APPROVAL);
    assertThat(row.dueAt().atZone(CPH).toLocalDate()).isEqualTo(LocalDate.parse("2027-03-08"));
    assertThat(approval.due()).isEqualTo(row.dueAt());
    assertThat(row.activityId()).isEqualTo("Task_ApprovePlacement");
    assertThat(row.basis()).startsWith("Kommunens retningslinje");
    assertThat(row.teamCode()).isEqualTo("nord");
    assertThat(deadlineRow(caseNumber, "Godkendelse af anbringelse").text()).contains("Kommunens retningslinje")
        .contains("by the end of the 2nd working day");

    ClockUtil.setCurrentTime(Date.from(row.dueAt().plusSeconds(60)));
    fireDueJobs(caseNumber);

    DeadlineView escalated = only(caseId, DeadlineKind.PLACEMENT_APPROVAL);
    assertThat(escalated.escalatedAt()).isNotNull();
    assertThat(register.atRiskOrOverdue(List.of("nord"), DeadlineState.OVERDUE)).extracting(DeadlineView::id)
        .contains(escalated.id());
    assertThat(task(caseNumber, "Task_ApprovePlacement").id()).isEqualTo(approval.id());

    complete(caseNumber, "Task_ApprovePlacement", "birgitte", Map.of("approved", true,
        "childNotHeardReason", "Barnet er for lille til en samtale."));

    DeadlineView met = only(caseId, DeadlineKind.PLACEMENT_APPROVAL);
    assertThat(met.metAt()).isNotNull();
    assertThat(met.metBy()).isEqualTo("birgitte");
    assertThat(met.missedAt()).isEqualTo(met.dueAt());
    assertThat(openTask(caseNumber, "Task_ApprovePlacement")).isEmpty();
  }

  @Test
  @DisplayName("a placement refused in time meets its approval deadline, and the placement proposed again gets a new"
      + " one")
  void refusedPlacementProposedAgainGetsANewClock() {
    String caseNumber = caseChoosingStep(child("Frode"));
    long caseId = caseService.get(caseNumber).id();
    Map<String, Object> foster = Map.of("stepKey", "FOSTER_FAMILY",
        "description", "Plejefamilie i nærområdet.", "plannedEnd", "2028-06-30", "nextStepDownKey", "HOME_BASED",
        "justification", "Forældrene kan ikke drage omsorg for barnet.",
        "childNotHeardReason", "Barnet er for lille til en samtale.");
    complete(caseNumber, "Task_ChooseStep", "karen", foster);
    later(2);
    complete(caseNumber, "Task_ApprovePlacement", "birgitte", Map.of("approved", false,
        "note", "Slægtsanbringelse skal undersøges først."));

    DeadlineView first = only(caseId, DeadlineKind.PLACEMENT_APPROVAL);
    assertThat(first.metAt()).isNotNull();
    assertThat(first.missedAt()).isNull();

    later(24);
    complete(caseNumber, "Task_ChooseStep", "karen", foster);

    List<DeadlineView> rows = rows(caseId, DeadlineKind.PLACEMENT_APPROVAL);
    assertThat(rows).hasSize(2);
    DeadlineView second = rows.stream().filter(d -> d.id() != first.id()).findFirst().orElseThrow();
    assertThat(second.metAt()).isNull();
    assertThat(second.anchorAt()).isAfter(first.anchorAt());
    assertThat(second.dueAt()).isAfter(first.dueAt());
  }

  private List<DeadlineView> rows(long caseId, DeadlineKind kind) {
    return register.forCase(caseId).stream().filter(d -> d.kind() == kind).toList();
  }

  private DeadlineView only(long caseId, DeadlineKind kind) {
    List<DeadlineView> rows = rows(caseId, kind);
    assertThat(rows).as(kind + " rows of case " + caseId).hasSize(1);
    return rows.get(0);
  }

  /** The row of the case page's deadline list headed by the deadline's Danish name. */
  private Element deadlineRow(String caseNumber, String name) throws Exception {
    Document page = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    List<Element> rows = page.select("table.deadlines tbody tr").stream()
        .filter(r -> r.selectFirst("th") != null && r.selectFirst("th").text().equals(name)).toList();
    assertThat(rows).as("deadline rows named " + name).hasSize(1);
    return rows.get(0);
  }
}
