package dk.trappen.deadlines;

import java.time.Instant;

/**
 * A deadline as task lists, case pages and the oversight view show it. {@code dueAt} is the current due time;
 * {@code legalDueAt} the one the rules computed, which extensions and pauses do not move.
 */
public record DeadlineView(
    long id,
    long caseId,
    String caseNumber,
    String teamCode,
    DeadlineKind kind,
    DeadlineState state,
    Instant anchorAt,
    Instant dueAt,
    Instant atRiskFrom,
    Instant metAt,
    Instant metRecordedAt,
    String metBy,
    Instant missedAt,
    Instant escalatedAt,
    Instant cancelledAt,
    String rule,
    String basis,
    String activityId,
    String executionId,
    Instant legalDueAt,
    Instant pausedAt) {

  static DeadlineView of(Deadline d, Instant now) {
    return new DeadlineView(d.getId(), d.getCaseId(), d.getCaseNumber(), d.getTeamCode(), d.getKind(), d.state(now),
        d.getAnchorAt(), d.getDueAt(), d.getAtRiskFrom(), d.getMetAt(), d.getMetRecordedAt(), d.getMetBy(), d.getMissedAt(),
        d.getEscalatedAt(), d.getCancelledAt(), d.getRuleText(), d.getBasis(), d.getActivityId(), d.getExecutionId(),
        d.getLegalDueAt(), d.getPausedAt());
  }
}
