package dk.trappen.intake;

/** The result of registering a notification; a retry returns the first receipt with {@code duplicate} set. */
public record NotificationReceipt(long notificationId, String caseNumber, boolean joinedOpenCase, boolean duplicate) {
}
