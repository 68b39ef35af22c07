package dk.trappen.tasks;

import java.util.Locale;

/**
 * The task a form is shown for: the task as the list shows it (with the facts of {@link TaskHandler#details} when it
 * was read for the form), its context, the user's display name and language.
 */
public record FormContext(TaskView task, TaskContext context, String userDisplayName, Locale locale) {
}
