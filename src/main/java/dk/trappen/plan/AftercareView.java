package dk.trappen.plan;

import java.time.Instant;

/** An aftercare assessment as other features and the API see it. */
public record AftercareView(long id, long caseId, boolean granted, String note, Instant assessedAt,
                            String assessedBy) {

  static AftercareView of(AftercareAssessment a) {
    return new AftercareView(a.getId(), a.getCaseId(), a.isGranted(), a.getNote(), a.getAssessedAt(),
        a.getAssessedBy());
  }
}
