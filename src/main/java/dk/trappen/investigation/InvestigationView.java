package dk.trappen.investigation;

import java.time.Instant;

/** The investigation of a case as other features and the API see it. */
public record InvestigationView(long id, long caseId, Instant startedAt, Instant finishedAt, String finishedBy,
                                RiskLevel riskLevel, Boolean safeAtHome, Boolean kinOrNetworkPossible,
                                YouthWish youthWish, String findings, String youthPerspective,
                                InvestigationOutcome outcome, String interimAssessment, Instant interimAssessedAt,
                                String interimAssessedBy) {

  static InvestigationView of(Investigation i) {
    return new InvestigationView(i.getId(), i.getCaseId(), i.getStartedAt(), i.getFinishedAt(), i.getFinishedBy(),
        i.getRiskLevel(), i.getSafeAtHome(), i.getKinOrNetworkPossible(), i.getYouthWish(), i.getFindings(),
        i.getYouthPerspective(), i.getOutcome(), i.getInterimAssessment(), i.getInterimAssessedAt(),
        i.getInterimAssessedBy());
  }

  public boolean finished() {
    return finishedAt != null;
  }
}
