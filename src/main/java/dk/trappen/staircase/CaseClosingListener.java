package dk.trappen.staircase;

import dk.trappen.cases.CaseClosing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Ends a closing case's running and pending interventions, with the closure's reason, before the case closes. */
@Component
class CaseClosingListener {

  private final StaircaseService staircase;

  CaseClosingListener(StaircaseService staircase) {
    this.staircase = staircase;
  }

  @EventListener
  void onClosing(CaseClosing closing) {
    staircase.endAllRunning(closing.caseId(), closing.reason().name());
  }
}
