package dk.trappen.cases;

import static dk.trappen.common.ProcessVariables.CASE_ID;
import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The "Close case" service task: {@code ${caseClosure.close(execution)}}. Tells the features the case is closing
 * ({@link CaseClosing}; the staircase ends its interventions), then closes it.
 */
@Component("caseClosure")
public class CaseClosureDelegate {

  private final CaseService cases;
  private final ApplicationEventPublisher events;

  CaseClosureDelegate(CaseService cases, ApplicationEventPublisher events) {
    this.cases = cases;
    this.events = events;
  }

  public void close(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable(CASE_ID)).longValue();
    Object reason = execution.getVariable(CLOSURE_REASON);
    if (reason == null) {
      throw new IllegalStateException("closing case " + execution.getProcessBusinessKey() + " without a "
          + CLOSURE_REASON);
    }
    ClosureReason closure = ClosureReason.valueOf(reason.toString());
    events.publishEvent(new CaseClosing(caseId, execution.getProcessBusinessKey(), closure));
    cases.close(caseId, closure, null);
  }
}
