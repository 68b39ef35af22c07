package dk.trappen.deadlines;

import java.time.Instant;

/**
 * A change of a deadline's due time as the API and the pages show it: {@code newDueAt} is null for a pause (known at
 * its resume), and for a requested extension the due date asked for.
 */
public record DeadlineChangeView(
    long id,
    long deadlineId,
    long caseId,
    String caseNumber,
    DeadlineKind kind,
    DeadlineChangeType type,
    DeadlineChangeState state,
    String reason,
    Instant oldDueAt,
    Instant newDueAt,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionNote) {

  static DeadlineChangeView of(DeadlineChange c) {
    return new DeadlineChangeView(c.getId(), c.getDeadlineId(), c.getCaseId(), c.getCaseNumber(), c.getKind(), c.getType(),
        c.getState(), c.getReason(), c.getOldDueAt(), c.getNewDueAt(), c.getRequestedBy(), c.getRequestedAt(),
        c.getDecidedBy(), c.getDecidedAt(), c.getDecisionNote());
  }
}
