/**
 * Parties: the persons linked to a case with their role (mother, father, custody holder, sibling, relative, network,
 * professional, notifier), whether they hold custody, their contact details and their consents (samtykke). A
 * protected address (navne- og adressebeskyttelse) is stored but never shown, on the pages or in the API, to anyone;
 * letters (issue 19) must never print it either. Consents are append-only: a withdrawal is a new record, nothing is
 * deleted. Owns the rules ({@link dk.trappen.parties.PartyPolicy}), the service the case page and the step choice use,
 * and GET and POST /api/cases/{caseNumber}/parties and POST /api/cases/{caseNumber}/consents. Every read and write goes
 * through {@code security.CaseAccess} first. Uses no feature but {@code cases}, {@code common} and {@code security}.
 */
package dk.trappen.parties;
