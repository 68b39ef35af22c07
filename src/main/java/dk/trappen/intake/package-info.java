/**
 * Intake: notifications of concern (underretninger) from the intake form and the REST API, idempotent by
 * Idempotency-Key or payload hash; opening a case and starting its process, or joining a child's open case and asking
 * for a second-opinion re-assessment; the acute assessment, the acknowledgement to a professional notifier and the
 * re-assessment task handlers.
 */
package dk.trappen.intake;
