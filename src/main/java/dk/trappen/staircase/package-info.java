/**
 * Staircase: the intervention staircase (indsatstrappen) and the interventions on it. Owns the configured steps
 * ({@code config/staircase.yml}, validated at startup so that a bad staircase stops the application with a message
 * naming the key), the mapping from the step recommendation's kind of help to a step, the interventions of every case
 * with their whole history up and down the staircase (decision, justification, placement approval, start, planned end
 * and next step down, end and what replaced them), the {@code ${staircase.startIntervention(execution)}} service task
 * of the step-selection process (its process glue, {@link dk.trappen.staircase.StaircaseProcessGlue}, reads the
 * execution and calls the service with the intervention's id), the choose-step and approve-placement task handlers, the staircase distribution
 * of running interventions, and the review before each intervention's planned end ({@link
 * dk.trappen.staircase.PlannedEndReviews}: step down as planned, extend or end, with its task handler and the
 * {@code plannedEndReview} process glue); it ends a closing case's interventions on {@code cases.CaseClosing}. It owns
 * the running interventions' safety plans (sikkerhedsplaner) and their reviews at the network meetings
 * ({@link dk.trappen.staircase.SafetyPlans}; POST /api/cases/{caseNumber}/interventions/{interventionId}/safety-plan).
 */
package dk.trappen.staircase;
