package dk.trappen.investigation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the investigation of a case and its interim assessment. */
@Service
@Transactional(readOnly = true)
public class InvestigationService {

  private final InvestigationRepository investigations;
  private final Clock clock;

  InvestigationService(InvestigationRepository investigations, Clock clock) {
    this.investigations = investigations;
    this.clock = clock;
  }

  /** The case's investigation (the latest, should there be more than one), finished or not. */
  public Optional<InvestigationView> investigation(long caseId) {
    return investigations.findFirstByCaseIdOrderByIdDesc(caseId).map(InvestigationView::of);
  }

  /**
   * Records the finished investigation: creates the case's investigation row or completes the one an interim
   * assessment opened (keeping the earlier start).
   */
  @Transactional
  public InvestigationView finish(long caseId, InvestigationFindings f, String user) {
    Instant now = clock.instant();
    Investigation i = current(caseId, now);
    i.setFindings(f.findings().trim());
    i.setYouthPerspective(f.youthPerspective().trim());
    i.setRiskLevel(f.riskLevel());
    i.setSafeAtHome(f.safeAtHome());
    i.setKinOrNetworkPossible(f.kinOrNetworkPossible());
    i.setYouthWish(f.youthWish());
    i.setOutcome(f.outcome());
    i.setFinishedAt(now);
    i.setFinishedBy(user);
    return InvestigationView.of(investigations.save(i));
  }

  /** Records the interim assessment written because the investigation may not finish within its deadline. */
  @Transactional
  public InvestigationView recordInterimAssessment(long caseId, String assessment, String user) {
    Instant now = clock.instant();
    Investigation i = current(caseId, now);
    i.setInterimAssessment(assessment.trim());
    i.setInterimAssessedAt(now);
    i.setInterimAssessedBy(user);
    return InvestigationView.of(investigations.save(i));
  }

  /** The case's investigation row, opened now if there is none; its start is the earliest time we know of. */
  private Investigation current(long caseId, Instant now) {
    Investigation i = investigations.findFirstByCaseIdOrderByIdDesc(caseId).orElseGet(() -> {
      Investigation created = new Investigation();
      created.setCaseId(caseId);
      created.setStartedAt(now);
      return created;
    });
    if (i.getStartedAt() == null || now.isBefore(i.getStartedAt())) {
      i.setStartedAt(now);
    }
    return i;
  }
}
