package dk.trappen.journal;

import java.time.Instant;

/**
 * One version of a journal entry as the API and the case page show it.
 *
 * @param entryId          the id every version of the entry shares (its first version's)
 * @param corrects         the id of the version this one corrects; null on a first version
 * @param correctionReason why this version corrects the one before; null on a first version
 * @param correctedBy      the id of the version that corrects this one; null while this one is current
 * @param correctedAt      when this version was corrected; null while it is current
 * @param correctedByUser  who corrected this version; null while it is current
 * @param current          whether this is the entry's version in force (not corrected)
 */
public record JournalEntryView(long id, long entryId, String caseNumber, JournalKind kind, Instant happenedAt,
                               Instant writtenAt, String author, String text, int version, Long corrects,
                               String correctionReason, Long correctedBy, Instant correctedAt,
                               String correctedByUser, boolean current) {

  static JournalEntryView of(JournalEntry e, Long correctedBy) {
    return new JournalEntryView(e.getId(), e.entryId(), e.getCaseNumber(), e.getKind(), e.getHappenedAt(),
        e.getWrittenAt(), e.getAuthor(), e.getText(), e.getVersion(), e.getReplacesId(), e.getCorrectionReason(),
        correctedBy, e.getSupersededAt(), e.getSupersededBy(), e.getSupersededAt() == null);
  }
}
