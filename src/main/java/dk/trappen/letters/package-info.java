/**
 * Letters (issue 19): the receipt to a professional notifier, decision letters (a step chosen, a placement approved,
 * an intervention ended) with the step's legal basis, the caseworker's reasons and the appeal guidance, and the child's
 * plan, each from a Thymeleaf template under {@code templates/letters/} rendered as PDF/A-2b
 * ({@link dk.trappen.letters.LetterRenderer}). Owns the tables {@code letter} and {@code letter_dispatch} (V21): drafts
 * and their edits, sent letters frozen with their PDF, and the outbox of one row per recipient, sent once through a
 * {@link dk.trappen.letters.LetterChannel} (the drop folder; Digital Post in production) by
 * {@link dk.trappen.letters.LetterDispatcher}. Drafts decision letters on {@code staircase.StaircaseDecision};
 * publishes {@link dk.trappen.letters.LetterSent}. Reads the case, the parties (a protected address never reaches a
 * letter), the staircase, the plan and the deadlines through their services. The API ({@code /api/letters},
 * {@code /api/cases/{n}/letters}, {@code /api/cases/{n}/plan.pdf}) and the draft page; access through
 * {@code security.CaseAccess} as the journal's.
 */
package dk.trappen.letters;
