/**
 * Outcomes: what the caseworker records about a youth's life at a network meeting or a legal follow-up, for the
 * strategy's outcome figures (issue 21). Owns the configured outcome indicators ({@code config/outcomes.yml},
 * {@code trappen.outcomes.indicators}, validated at startup by {@link dk.trappen.outcomes.OutcomeIndicators} so that a
 * bad configuration stops the application with a message naming the key), the outcome records (table
 * {@code outcome_record}: one row per indicator assessed, with the case's active step when recorded) and the rules of
 * an answer: an indicator is asked of youths of its ages only, answered yes or no, or left unassessed (nothing stored).
 * Other features call {@link dk.trappen.outcomes.OutcomeService} with plain values; the meetings feature records
 * the answers in the meeting's or the follow-up's transaction.
 */
package dk.trappen.outcomes;
