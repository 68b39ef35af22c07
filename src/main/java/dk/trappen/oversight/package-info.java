/**
 * Oversight: the team leader's view of the team — overdue and at-risk deadlines from the deadline register (and,
 * in the UI issue, caseload, compliance and staircase figures), and the refused attempts on the team's cases from
 * the audit.
 */
package dk.trappen.oversight;
