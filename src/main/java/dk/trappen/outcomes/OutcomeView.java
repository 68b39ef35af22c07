package dk.trappen.outcomes;

import java.time.Instant;

/**
 * An indicator's recorded answer as other features and the API see it: {@code achieved} is the answer (yes or no),
 * {@code desired} whether that answer is the good outcome (null for an indicator no longer configured).
 */
public record OutcomeView(long id, long caseId, Long meetingId, Long followUpId, String indicatorKey, boolean achieved,
                          Boolean desired, String stepKey, Instant recordedAt, String recordedBy) {
}
