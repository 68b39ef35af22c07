package dk.trappen.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stands in for {@code staircase}: starting an intervention gives it the next id (101, 102, ...), records the
 * decision time and, for the first intervention of the case, its start.
 */
public class FakeStaircase {

  /** What the step selection knew when the intervention started. */
  public record Started(long interventionId, String caseNumber, Object selectionReason, Object recommendedCategory,
      Object replacesInterventionId) {
  }

  private final List<Started> started = new ArrayList<>();

  public void startIntervention(DelegateExecution execution) {
    long id = 101 + started.size();
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable("interventionId", id);
    execution.setVariable("interventionDecidedAt", now);
    if (execution.getVariable("firstInterventionStartedAt") == null) {
      execution.setVariable("firstInterventionStartedAt", now);
    }
    started.add(new Started(id, execution.getProcessBusinessKey(), execution.getVariable("selectionReason"),
        execution.getVariable("recommendedCategory"), execution.getVariable("replacesInterventionId")));
  }

  public List<Started> started() {
    return started;
  }
}
