package dk.trappen.journal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A correction of a journal entry: its new version (kind, time and text as they should have been) and why it is
 * corrected. The corrected version is kept and shown as corrected.
 */
public record JournalCorrection(
    @Schema(allowableValues = {"PHONE_CALL", "HOME_VISIT", "CHILD_CONVERSATION", "MEETING", "EMAIL", "NOTE"})
    String kind,
    Instant happenedAt,
    String text,
    String reason) {

  /** The new version's content, checked by the same rules as a new entry. */
  NewJournalEntry content() {
    return new NewJournalEntry(kind, happenedAt, text);
  }
}
