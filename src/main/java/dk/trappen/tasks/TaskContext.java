package dk.trappen.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * The task being completed: its ids, the case it belongs to, who completes it and when, and the process variables
 * visible to the task.
 */
public record TaskContext(String taskId, String taskKey, String processInstanceId, long caseId, String caseNumber,
                          String user, Instant now, Map<String, Object> variables) {

  public Object variable(String name) {
    return variables.get(name);
  }

  public Long longVariable(String name) {
    Object v = variables.get(name);
    return v == null ? null : ((Number) v).longValue();
  }
}
