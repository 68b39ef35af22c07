package dk.trappen.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * An extension or pause of a deadline, asked for by a caseworker or made by the team leader: {@code type} EXTENSION
 * or PAUSE, the reason, and for an extension the new due date (the deadline then falls due on that date at the time
 * of day it falls due now).
 */
public record DeadlineChangeRequest(
    @Schema(description = "EXTENSION or PAUSE", example = "EXTENSION") String type,
    @Schema(description = "Why, at most " + DeadlineChangePolicy.MAX_TEXT + " characters",
        example = "Venter på børnepsykiatrisk udtalelse.") String reason,
    @Schema(description = "For an extension: the new due date, after the current one and not in the past",
        example = "2027-08-31") LocalDate newDueDate) {
}
