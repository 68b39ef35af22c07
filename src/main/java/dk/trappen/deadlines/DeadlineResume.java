package dk.trappen.deadlines;

import io.swagger.v3.oas.annotations.media.Schema;

/** The resume of a paused deadline, with an optional note of why (the statement arrived). */
public record DeadlineResume(
    @Schema(description = "Optional: why the clock runs again, at most " + DeadlineChangePolicy.MAX_TEXT
        + " characters") String reason) {
}
