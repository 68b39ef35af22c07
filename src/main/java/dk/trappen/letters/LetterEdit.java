package dk.trappen.letters;

import jakarta.validation.constraints.Size;

/**
 * The edit of a draft: {@code PUT /api/letters/{id}} and the draft page's form. Both texts are replaced (null or blank
 * empties one).
 *
 * @param reasons  the reasons (begrundelse) of a decision
 * @param freeText further text the letter carries
 */
public record LetterEdit(
    @Size(max = 8000, message = "{problem.tooLong}") String reasons,
    @Size(max = 8000, message = "{problem.tooLong}") String freeText) {
}
