package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.org.OrgService;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "trappen.demo.enabled=true")
@ActiveProfiles({"demo", "test"})
@DisplayName("The living demo")
class DemoDataTest {

  @Autowired
  private CaseService cases;
  @Autowired
  private OrgService org;
  @Autowired
  private DeadlineRegister deadlines;
  @Autowired
  private ManagementService management;

  @Test
  @DisplayName("first start creates teams, staff and cases across the journey, some of them overdue")
  void demoIsAlive() {
    assertThat(org.teams()).hasSize(2);
    assertThat(org.member("karen")).isPresent();
    assertThat(org.member("birgitte")).isPresent();
    assertThat(cases.countOpen()).isEqualTo(11);
    assertThat(cases.casesOfChild("0101145137")).singleElement().satisfies(c -> assertThat(c.open()).isFalse());

    // as the job executor would: timers that came due fire, and so do those they start (the investigation at risk
    // opens its interim assessment, whose own deadline may have passed too)
    for (int round = 0; round < 5 && management.createJobQuery().executable().count() > 0; round++) {
      for (Job job : management.createJobQuery().executable().list()) {
        management.executeJob(job.getId());
      }
    }
    List<DeadlineView> late = deadlines.atRiskOrOverdue(null, null);
    Set<DeadlineKind> overdueKinds = late.stream().filter(d -> d.state() == DeadlineState.OVERDUE)
        .map(DeadlineView::kind).collect(Collectors.toSet());
    assertThat(overdueKinds).contains(DeadlineKind.ACUTE_ASSESSMENT, DeadlineKind.ACKNOWLEDGEMENT,
        DeadlineKind.INVESTIGATION, DeadlineKind.NETWORK_MEETING);
    assertThat(late.stream().filter(d -> d.state() == DeadlineState.AT_RISK).map(DeadlineView::kind))
        .contains(DeadlineKind.ACUTE_ASSESSMENT, DeadlineKind.INVESTIGATION, DeadlineKind.REASSESSMENT);
    long karlsCase = cases.casesOfChild("0505115171").get(0).id();
    assertThat(deadlines.forCase(karlsCase)).extracting(DeadlineView::kind)
        .contains(DeadlineKind.NETWORK_MEETING, DeadlineKind.ACTION_PLAN, DeadlineKind.CONCERN_RESPONSE);
    assertThat(late.stream().filter(d -> d.state() == DeadlineState.OVERDUE).allMatch(d -> d.escalatedAt() != null))
        .as("every overdue deadline escalated once its timer fired").isTrue();
  }
}
