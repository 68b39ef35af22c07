package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.CASE_ID;
import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.trappen.cases.CaseClosureDelegate;
import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.cases.CaseStatus;
import dk.trappen.cases.ChildData;
import dk.trappen.cases.ClosureReason;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing a case ends what runs on it: {@code cases} publishes {@code CaseClosing} and the staircase, which
 * {@code cases} no longer knows, ends the case's running and pending interventions with the closure's reason, in the
 * closing transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("Closing a case")
class CaseClosingTest {

  @Autowired
  private CaseService cases;
  @Autowired
  private StaircaseService staircase;
  @Autowired
  private CaseClosureDelegate caseClosure;
  @Autowired
  private TransactionTemplate transactions;
  @Autowired
  private Clock clock;

  @Test
  @DisplayName("ends the case's running and decided interventions with the closure's reason, and closes the case")
  void endsTheInterventionsAndClosesTheCase() {
    String cpr = String.format("0101%06d", ThreadLocalRandom.current().nextInt(500_000));
    String otherCpr = String.format("0101%06d", 500_000 + ThreadLocalRandom.current().nextInt(500_000));
    CaseRef c = cases.openCase(new ChildData(cpr, "Bo", "Lukas", LocalDate.of(2011, 1, 1)), "nord", clock.instant());
    long running = decide(c.id(), "PREVENTIVE");
    staircase.start(running);
    long decided = decide(c.id(), "HOME_BASED");
    long otherCase = decide(cases.openCase(new ChildData(otherCpr, "Ea", "Lukas",
        LocalDate.of(2011, 1, 1)), "nord", clock.instant()).id(), "EARLY_HELP");
    staircase.start(otherCase);

    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(CASE_ID)).thenReturn(c.id());
    when(execution.getVariable(CLOSURE_REASON)).thenReturn("GOAL_REACHED");
    when(execution.getProcessBusinessKey()).thenReturn(c.caseNumber());
    transactions.executeWithoutResult(s -> caseClosure.close(execution));

    for (long id : new long[] {running, decided}) {
      InterventionView i = staircase.intervention(id);
      assertThat(i.status()).as("intervention %d", id).isEqualTo(InterventionStatus.ENDED);
      assertThat(i.endReason()).isEqualTo(InterventionEndReason.GOAL_REACHED);
      assertThat(i.endedAt()).isNotNull();
    }
    assertThat(staircase.intervention(otherCase).status()).as("another case's intervention")
        .isEqualTo(InterventionStatus.RUNNING);
    assertThat(cases.get(c.id()).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(cases.closure(c.id()).reason()).isEqualTo(ClosureReason.GOAL_REACHED);
  }

  private long decide(long caseId, String stepKey) {
    return staircase.decide(new StepDecision(caseId, stepKey, "Indsats.", LocalDate.now(clock).plusMonths(6), null,
        null, null, SelectionReason.INITIAL, null, "karen", null)).id();
  }
}
