package dk.trappen.letters;

import java.time.Instant;
import java.util.List;

/**
 * A letter as the API and the pages show it: never a CPR number, never a protected address.
 *
 * @param decisionKind STEP_CHOSEN, PLACEMENT_APPROVED or INTERVENTION_ENDED for a decision letter, else null
 * @param notifier     the professional notifier a receipt goes to (name, organisation)
 * @param recipients   who gets it: for a draft as it would be sent now, for a sent letter as it was sent, each with
 *                     when the channel took it
 */
public record LetterView(long id, String caseNumber, LetterKind kind, String decisionKind, LetterStatus status,
                         String title, String stepKey, String decision, String legalBasis, String reasons,
                         String freeText, String appealGuidance, String notifier, Instant receivedAt,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant sentAt,
                         String sentBy, String fileName, List<RecipientView> recipients) {

  /**
   * @param role             CUSTODY_HOLDER, YOUTH or NOTIFIER
   * @param address          null when protected (or unknown)
   * @param dispatchedAt     when the channel took this copy; null before
   * @param channel          the channel that took it (drop-folder, ...)
   */
  public record RecipientView(String role, String name, String address, boolean protectedAddress,
                              Instant dispatchedAt, String channel) {
  }

  public boolean draft() {
    return status == LetterStatus.DRAFT;
  }
}
