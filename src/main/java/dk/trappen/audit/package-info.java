/**
 * Audit: the append-only record of every read and write of case data — who, when, which case, what and from where —
 * and of every refused read, write or export (with the reason) and every sign-in, with the team leader's view of who
 * read a case or was refused it and the administrator's export for a period.
 */
package dk.trappen.audit;
