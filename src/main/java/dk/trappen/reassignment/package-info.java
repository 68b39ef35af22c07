/**
 * Reassignment: a team leader moves the team's work — tasks to one of the team's caseworkers (or back to the team's
 * group), and cases with the open tasks their previous caseworker held. One use case with one rule
 * ({@link dk.trappen.reassignment.ReassignmentPolicy}: what was chosen and who may receive it, every problem at once),
 * one service that the oversight page's forms and the API ({@code /api/reassignments}) both call, and the audit of
 * each move. Another team's task or case is not found, and the refusal is recorded; a race with another change of a
 * task is a conflict. The engine's side stays behind {@link dk.trappen.tasks.TaskAssignments} and the case's
 * caseworker behind {@link dk.trappen.cases.CaseService}; the overview page that shows the forms is {@code oversight}'s.
 */
package dk.trappen.reassignment;
