package dk.trappen.cases;

import static dk.trappen.common.ProcessVariables.CASE_ID;
import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;

import dk.trappen.staircase.StaircaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The "Close case" service task: {@code ${caseClosure.close(execution)}}. */
@Component("caseClosure")
public class CaseClosureDelegate {

  private final CaseService cases;
  private final StaircaseService staircase;

  CaseClosureDelegate(CaseService cases, StaircaseService staircase) {
    this.cases = cases;
    this.staircase = staircase;
  }

  public void close(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable(CASE_ID)).longValue();
    Object reason = execution.getVariable(CLOSURE_REASON);
    if (reason == null) {
      throw new IllegalStateException("closing case " + execution.getProcessBusinessKey() + " without a "
          + CLOSURE_REASON);
    }
    ClosureReason closure = ClosureReason.valueOf(reason.toString());
    staircase.endAllRunning(caseId, closure.name());
    cases.close(caseId, closure, null);
  }
}
