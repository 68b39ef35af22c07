/**
 * Audit: the append-only record of every read and write of case data — who, when, which case, what and from where —
 * with the team leader's view of who read a case and the administrator's export for a period.
 */
package dk.trappen.audit;
