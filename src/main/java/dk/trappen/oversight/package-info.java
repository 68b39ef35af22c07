/**
 * Oversight: the team leader's view of the team — overdue and at-risk deadlines from the deadline register (and,
 * in the UI issue, caseload, compliance and staircase figures).
 */
package dk.trappen.oversight;
