package dk.trappen.letters;

import dk.trappen.staircase.StaircaseDecision;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drafts the decision letter when the staircase records a decision (a step chosen, a placement approved, an
 * intervention ended), in the decision's own transaction: the draft exists exactly when the decision does.
 */
@Component
class StaircaseDecisionListener {

  private final LettersService letters;

  StaircaseDecisionListener(LettersService letters) {
    this.letters = letters;
  }

  @EventListener
  void decided(StaircaseDecision decision) {
    letters.draftDecision(decision);
  }
}
