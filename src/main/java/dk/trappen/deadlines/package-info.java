/**
 * Deadlines: the legal and programme deadlines of a youth case (docs/design.md#deadlines). Owns the deadline
 * configuration and its validation, when a deadline runs out (a deadline counted in days, months or birthdays at the
 * end of its last day, 23:59:59, compared in whole seconds: {@link dk.trappen.deadlines.DueTime}), the 29 February
 * birthday setting, the working-day calendar (Danish public holidays plus yearly and one-off closing days, Europe/Copenhagen), the
 * deadline register (one row per deadline: due, met, missed, escalated, and the rule that computed it), the overdue
 * metrics, and the application clock (an injected {@link java.time.Clock} in step with Camunda's ClockUtil) with the
 * demo clock API.
 *
 * <p>The processes reach the register only through its process glue, {@link dk.trappen.deadlines.DeadlineProcessGlue}
 * (the BPMN bean {@code deadlines}): a guarded user task computes its due time in an input mapping
 * ({@code deadlineDue}), its boundary timer and due date only read that variable, and its start listener opens the
 * register row, an explicit call; the escalation step after a timer, the age clocks and the task events (met,
 * cancelled) go through the glue too. The register and the rest of the feature take plain ids and values
 * ({@link dk.trappen.deadlines.GuardedActivity}, {@link dk.trappen.deadlines.DeadlineAnchors}). What instances on
 * definitions deployed before the explicit opening do, and how to migrate them, is in the glue's comment.
 *
 * <p>Also owns the transactional outbox ({@code outbox_message}) of the team leaders' notices of escalated deadlines:
 * the escalation writes the notice in the timer job's transaction under a unique key
 * ({@code deadline:<id>:escalated}); {@link dk.trappen.deadlines.EscalationNotices} claims and sends it afterwards,
 * outside the engine's transaction, by e-mail when {@code spring.mail.host} is set, else to the log
 * {@code dk.trappen.notices}.
 *
 * <p>Also owns the one-off start-up migrations of the register ({@code deadline_migration}):
 * {@link dk.trappen.deadlines.EndOfDayDeadlineMigration} moved the open deadlines to the end of their last day.
 *
 * <p>Also owns the extensions and pauses of deadlines (issue 20, {@link dk.trappen.deadlines.DeadlineExtensions}): the
 * change table {@code deadline_change}, the legal due time beside the current one, the rules of a request
 * ({@link dk.trappen.deadlines.DeadlineChangePolicy}), moving the engine's timer and the task with the due time
 * ({@link dk.trappen.deadlines.DeadlineTimers}) and the API {@code /api/cases/{caseNumber}/deadlines}; the case page's
 * forms are {@code casefile}'s and the team leader's list of requests is {@code oversight}'s.
 */
package dk.trappen.deadlines;
