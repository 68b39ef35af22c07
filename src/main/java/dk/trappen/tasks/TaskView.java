package dk.trappen.tasks;

import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineState;
import java.time.Instant;
import java.util.Map;

/** A task in a task list: what to do, on which case, by when, and how that stands. */
public record TaskView(String id, String kind, String taskKey, String name, String caseNumber, String childName,
                       String childCprMasked, Instant created, Instant due,
                       String assignee, DeadlineKind deadlineKind, DeadlineState state,
                       Map<String, Object> details, String executionId) {
}
