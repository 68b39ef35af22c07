/**
 * Oversight: the team leader's view of the team — overdue and at-risk deadlines from the deadline register (the page,
 * its CSV export and {@code GET /api/oversight/deadlines}, all through {@link dk.trappen.oversight.OversightService}
 * and one parser of the {@code state} filter), caseload, compliance (met within the legal deadline apart from
 * met within an extended one) and staircase figures, the refused attempts on the team's cases from the audit, and the
 * caseworkers' requests to extend or pause a deadline (from {@code deadlines.DeadlineExtensions}; the approve and
 * refuse forms post to {@code casefile}'s deadline forms). It only reads; moving work is {@code reassignment}'s, whose forms the page shows.
 */
package dk.trappen.oversight;
