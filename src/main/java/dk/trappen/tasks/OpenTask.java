package dk.trappen.tasks;

/**
 * An open task by itself, without its case and deadline: for views that hold those already (the team leader's late
 * deadlines) and need only which task guards the deadline and who holds it.
 */
public record OpenTask(String id, String kind, String taskKey, String name, String assignee, String executionId) {
}
