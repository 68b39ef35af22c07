package dk.trappen.parties;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A consent given or withdrawn by a party of the case, as the API and the case page's form submit it. Append-only: a
 * withdrawal is a new record.
 *
 * @param partyId       the party (of this case) who gave or withdrew it
 * @param purpose       to what, e.g. "indhentning af oplysninger fra skolen"
 * @param state         one of {@link ConsentState}
 * @param happenedAt    when it was given or withdrawn; not in the future
 * @param documentation one of {@link ConsentDocumentation}
 * @param note          optional, e.g. where the written consent is filed
 */
public record NewConsent(
    Long partyId,
    String purpose,
    @Schema(allowableValues = {"GIVEN", "WITHDRAWN"}) String state,
    Instant happenedAt,
    @Schema(allowableValues = {"WRITTEN", "ORAL_NOTED", "DIGITAL"}) String documentation,
    String note) {
}
