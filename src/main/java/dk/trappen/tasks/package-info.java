/**
 * Tasks: the caseworker's task list over Camunda's TaskService (filtered, ordered by the key asked for
 * ({@link dk.trappen.tasks.TaskOrder}) and paged by the database), each user's saved filters of it
 * ({@link dk.trappen.tasks.SavedTaskFilters}, table {@code task_filter}, rules {@link dk.trappen.tasks.TaskFilterPolicy},
 * audited), claiming, and completing a task with a typed, validated payload. Each feature contributes a
 * {@link dk.trappen.tasks.TaskHandler} for the user tasks it owns; this feature finds the handler by the task's BPMN
 * id, validates the payload, lets the handler do the domain work and completes the task with the variables it
 * returns, all in one transaction. The features contribute the page side of their tasks too
 * ({@link dk.trappen.tasks.TaskForm}); the form controller binds a submitted form into the payload record with
 * Spring's data binding and knows no task kind by name. Who holds a task changes through
 * {@link dk.trappen.tasks.TaskAssignments}, for the feature that owns the use case ({@code reassignment}).
 */
package dk.trappen.tasks;
