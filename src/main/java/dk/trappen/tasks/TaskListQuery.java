package dk.trappen.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one task list asks of the database: whose tasks (the user and their candidate groups), of which task
 * definitions ({@code null} for every kind; empty for none) and in which deadline state ({@code OVERDUE},
 * {@code AT_RISK}, {@code OPEN}, {@code NONE} for a task without an open deadline, {@code null} for every state) as it
 * stands at {@code now}, in which {@code order}.
 */
record TaskListQuery(String user, List<String> groups, Set<String> taskKeys, String state, Instant now,
                     TaskOrder order) {

  TaskListQuery {
    order = order == null ? TaskOrder.DEFAULT : order;
  }
}
