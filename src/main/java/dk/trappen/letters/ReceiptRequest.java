package dk.trappen.letters;

import java.time.Instant;

/**
 * The receipt owed to a professional notifier, as the acknowledgement task asks for it (the intake feature knows the
 * notification; letters does not read it).
 *
 * @param freeText optional text the receipt carries besides the standard wording
 * @param user     who sends it (the task's user)
 */
public record ReceiptRequest(long caseId, long notificationId, String notifierName, String notifierOrganisation,
                             Instant receivedAt, String freeText, String user) {
}
