package dk.trappen.journal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A new journal entry, as the API and the case page's form submit it. The kind is taken as text so that an unknown
 * kind is named together with every other problem of the entry ({@link JournalPolicy}).
 *
 * @param kind       one of {@link JournalKind}
 * @param happenedAt when the call, visit or conversation happened; not in the future
 * @param text       what was said and done
 */
public record NewJournalEntry(
    @Schema(allowableValues = {"PHONE_CALL", "HOME_VISIT", "CHILD_CONVERSATION", "MEETING", "EMAIL", "NOTE"})
    String kind,
    Instant happenedAt,
    String text) {
}
