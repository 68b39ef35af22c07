package dk.trappen.parties;

import java.time.Instant;

/** A consent record as the API and the pages show it. */
public record ConsentView(long id, long partyId, String purpose, ConsentState state, Instant happenedAt,
                          ConsentDocumentation documentation, String note, Instant recordedAt, String recordedBy) {

  static ConsentView of(Consent c) {
    return new ConsentView(c.getId(), c.getPartyId(), c.getPurpose(), c.getState(), c.getHappenedAt(),
        c.getDocumentation(), c.getNote(), c.getRecordedAt(), c.getRecordedBy());
  }
}
