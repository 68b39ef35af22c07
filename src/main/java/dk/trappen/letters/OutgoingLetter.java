package dk.trappen.letters;

import java.time.Instant;

/**
 * One recipient's copy of a sent letter as a {@link LetterChannel} gets it.
 *
 * @param messageKey       unique per letter and recipient ({@code letter-<id>-<n>}); the channel's idempotency key
 * @param recipientRole    CUSTODY_HOLDER, YOUTH, NOTIFIER, ...
 * @param recipientCpr     the recipient's CPR number (Digital Post's address), or null (a professional notifier)
 * @param address          the postal address, or null: always null when {@code protectedAddress}
 * @param protectedAddress the recipient has name and address protection: send by CPR number only, never print it
 */
public record OutgoingLetter(String messageKey, long letterId, String caseNumber, LetterKind kind, String title,
                             String fileName, String recipientRole, String recipientName, String recipientCpr,
                             String address, boolean protectedAddress, byte[] pdf, Instant sentAt) {
}
