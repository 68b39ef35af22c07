package dk.trappen.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;

/** The team leader's decision on a requested change: approve or refuse, with a note (required to refuse). */
public record DeadlineDecision(
    @Schema(description = "true to approve, false to refuse") Boolean approve,
    @Schema(description = "The team leader's note, at most " + DeadlineChangePolicy.MAX_TEXT
        + " characters; required to refuse") String note) {
}
