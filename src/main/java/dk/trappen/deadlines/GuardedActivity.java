package dk.trappen.deadlines;

/**
 * Where a deadline is owed, as plain ids: the case, its team, and the process activity (a user task) the deadline
 * guards. The execution id is the task's own execution, by which the task's completion meets the deadline and its
 * deletion cancels it.
 */
public record GuardedActivity(long caseId, String caseNumber, String teamCode, String processInstanceId,
    String executionId, String activityId) {
}
