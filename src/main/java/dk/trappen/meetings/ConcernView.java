package dk.trappen.meetings;

import java.time.Instant;

/** A concern raised on a case, and the response to it once given. */
public record ConcernView(long id, long caseId, ConcernSource raisedBy, String description, Instant raisedAt,
                          String registeredBy, Instant respondedAt, String response, String respondedBy) {

  static ConcernView of(Concern c) {
    return new ConcernView(c.getId(), c.getCaseId(), c.getRaisedBy(), c.getDescription(), c.getRaisedAt(),
        c.getRegisteredBy(), c.getRespondedAt(), c.getResponse(), c.getRespondedBy());
  }

  public boolean responded() {
    return respondedAt != null;
  }
}
