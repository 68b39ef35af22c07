package dk.trappen.cases;

/**
 * Published (synchronously, in the closing transaction) just before a case is closed, so that the features can end
 * what runs on it first: {@code staircase} ends the running and pending interventions with the closure's reason. A
 * listener that fails rolls the closure back.
 */
public record CaseClosing(long caseId, String caseNumber, ClosureReason reason) {
}
