/**
 * Deadlines: the legal and programme deadlines of a youth case (DESIGN.md §5). Owns the deadline configuration and
 * its validation, the working-day calendar (Danish public holidays plus closing days, Europe/Copenhagen), the
 * deadline register (one row per deadline: due, met, missed, escalated, and the rule that computed it), the
 * escalation delegate called by every BPMN deadline timer, the overdue metrics, and the application clock (an
 * injected {@link java.time.Clock} in step with Camunda's ClockUtil) with the demo clock API.
 */
package dk.trappen.deadlines;
