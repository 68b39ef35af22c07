/**
 * Journal: the case journal (journaliseringspligt, notatpligt), every phone call, home visit, conversation with the
 * child, meeting, e-mail and note recorded on a case, with when it happened, when it was written and by whom. Nothing
 * is deleted or rewritten: a correction is a new version of the entry that points at the one it replaces and gives
 * its reason; the replaced version is kept and shown as corrected. Owns the journal's rules
 * ({@link dk.trappen.journal.JournalPolicy}), its service for the case page ({@code casefile}) and the API's GET and
 * POST /api/cases/{caseNumber}/journal and POST /api/cases/{caseNumber}/journal/{id}/corrections. Every read and write
 * goes through {@code security.CaseAccess} first; intake and administrators see nothing of it, a head reads it.
 */
package dk.trappen.journal;
