package dk.trappen.outcomes;

import java.util.List;

/**
 * A case's outcome records for the case page: the latest answer of each indicator (in the configured order, then
 * keys no longer configured) and every answer, newest first.
 */
public record CaseOutcomes(List<OutcomeView> latest, List<OutcomeView> history) {

  public boolean isEmpty() {
    return history.isEmpty();
  }
}
