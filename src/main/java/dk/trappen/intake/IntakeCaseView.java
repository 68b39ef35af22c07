package dk.trappen.intake;

import dk.trappen.cases.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as intake sees it: what an intake worker needs to register and assess notifications, and nothing of the
 * case's contents. It holds the child's identity, whether and where the case is open (case number, team, status,
 * opened and closed), and the notifications with their dates, notifiers and texts, and whether each has been
 * assessed. It holds no caseworker, investigation, plan, intervention, meeting, deadline, assessment note or the
 * youth's words: those are the case team's. Built by {@link IntakeService#caseView}, whoever asks.
 */
public record IntakeCaseView(
    String caseNumber,
    CaseStatus status,
    String team,
    String teamName,
    Instant openedAt,
    Instant closedAt,
    Child child,
    List<IntakeNotification> notifications) {

  /** The child the case is about. */
  public record Child(String name, String cpr, LocalDate birthDate) {
  }

  /**
   * A notification of the case: when it came, from whom, what it says, whether it joined an open case, and whether
   * (not how) it has been assessed and acknowledged.
   */
  public record IntakeNotification(long id, Instant receivedAt, NotifierKind notifierKind, boolean professional,
                                   String notifierOrganisation, String notifierName, String concern,
                                   boolean joinedOpenCase, boolean assessed, Instant acknowledgedAt) {

    static IntakeNotification of(Notification n) {
      return new IntakeNotification(n.getId(), n.getReceivedAt(), n.getNotifierKind(), n.isProfessional(),
          n.getNotifierOrganisation(), n.getNotifierName(), n.getConcern(), n.isJoinedOpenCase(),
          n.getAssessedAt() != null, n.getAcknowledgedAt());
    }
  }
}
