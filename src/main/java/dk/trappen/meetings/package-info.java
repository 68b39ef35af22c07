/**
 * Meetings: the follow-up loop while interventions run — network meetings (participants, each goal's progress, the
 * youth's satisfaction and voice, and the decision: continue, step up or down, add a parallel intervention, or close),
 * the legal follow-ups (§ 95) with the interval decided at them, and new concerns raised by the youth, the family or
 * the school, which are correlated to the case's process as the {@code ConcernRaised} message and answered by a
 * meeting. Owns the network-meeting, follow-up and concern-response task handlers, and the API's POST
 * /api/cases/{caseNumber}/concerns. The meeting and the follow-up also take the outcome answers about the youth
 * (payload field {@code outcomes}, checked and stored through {@code outcomes.OutcomeService} with the case's active
 * step) and the meeting the reviews of the case's safety plans ({@code safetyPlanReviews}, stored through
 * {@code staircase.SafetyPlans}), in the task's transaction.
 */
package dk.trappen.meetings;
