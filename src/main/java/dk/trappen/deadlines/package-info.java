/**
 * Deadlines: the legal and programme deadlines of a youth case (docs/design.md#deadlines). Owns the deadline
 * configuration and its validation, the working-day calendar (Danish public holidays plus closing days,
 * Europe/Copenhagen), the deadline register (one row per deadline: due, met, missed, escalated, and the rule that
 * computed it), the escalation delegate called by every BPMN deadline timer, the overdue metrics, and the
 * application clock (an injected {@link java.time.Clock} in step with Camunda's ClockUtil) with the demo clock API.
 *
 * <p>Also owns the transactional outbox ({@code outbox_message}) of the team leaders' notices of escalated deadlines:
 * the escalation writes the notice in the timer job's transaction under a unique key
 * ({@code deadline:<id>:escalated}); {@link dk.trappen.deadlines.EscalationNotices} claims and sends it afterwards,
 * outside the engine's transaction, by e-mail when {@code spring.mail.host} is set, else to the log
 * {@code dk.trappen.notices}.
 */
package dk.trappen.deadlines;
