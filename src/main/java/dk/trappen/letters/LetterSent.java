package dk.trappen.letters;

import java.time.Instant;

/**
 * Published inside the transaction that sends a letter (after it is frozen as sent, before the transaction commits),
 * so that a listener can file the sent PDF as a document on the case in the same transaction.
 *
 * @param kind     RECEIPT, DECISION or PLAN ({@link LetterKind})
 * @param fileName e.g. {@code 2027-00012-afgoerelse-7.pdf}
 * @param pdf      the case's copy of the sent PDF/A (the address block lists every recipient, protected ones as
 *                 protected)
 * @param user     who sent it
 */
public record LetterSent(long caseId, String caseNumber, long letterId, String kind, String title, String fileName,
                         byte[] pdf, Instant sentAt, String user) {
}
