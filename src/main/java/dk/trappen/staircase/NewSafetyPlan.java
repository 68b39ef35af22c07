package dk.trappen.staircase;

/**
 * A safety plan as the caseworker agrees it (POST /api/cases/{caseNumber}/interventions/{interventionId}/safety-plan).
 *
 * @param content    the plan: the signs of danger, what each adult does, whom the child calls (at most 10000)
 * @param agreedWith whom it was agreed with: the parents, the network (at most 1000)
 */
public record NewSafetyPlan(String content, String agreedWith) {
}
