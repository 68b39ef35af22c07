/**
 * Casefile: the read side of a case. {@link dk.trappen.casefile.CaseFileQuery} reads the case file (the case and its
 * child, notifications, investigation, interventions with the step history, plans, meetings, follow-ups, concerns,
 * aftercare, open tasks and deadlines) from the features' services, once, for both the case page and
 * GET /api/cases/{caseNumber}; the record {@link dk.trappen.casefile.CaseFile} is the API's JSON. Owns the case page
 * (its model, staircase drawing, path and timeline, the new-concern form, whose write is the meetings service's, and
 * the journal's forms, whose writes are the journal service's, and the deadlines' forms to extend, pause, resume
 * and decide, whose writes are {@code deadlines.DeadlineExtensions}'), the intake view of a case (page and API) and the
 * case's audit API. Access and the audit of every read go through
 * {@code security.CaseAccess} before anything is read. Nothing depends on this package: it sits on top.
 */
package dk.trappen.casefile;
