package dk.trappen.deadlines;

import java.util.List;

/** A deadline of a case with every change of its due time, oldest first (GET /api/cases/{caseNumber}/deadlines). */
public record DeadlineWithChanges(DeadlineView deadline, List<DeadlineChangeView> changes) {
}
