package dk.trappen.tasks;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks that became a user's after a given instant, and when (the bell's "newly assigned to me"). When a
 * task became its holder's is recorded by {@link TaskAssignmentLog} as the engine assigns it: the engine's own create
 * time would miss a task reassigned or claimed long after it was created, and it keeps no assignment time at history
 * level {@code audit}. Only what the engine still says counts: an open, active task whose assignee is the user.
 */
@Service
@Transactional(readOnly = true)
public class AssignedTasks {

  /** An open task of the user's: what it is, on which case, and when it became theirs. */
  public record AssignedTask(String taskId, String kind, String name, long caseId, String caseNumber,
                             Instant assignedAt) {
  }

  private final EngineTaskReads reads;
  private final TaskLookup lookup;
  private final TaskAssignmentRepository assignments;
  private final CaseService cases;

  AssignedTasks(EngineTaskReads reads, TaskLookup lookup, TaskAssignmentRepository assignments, CaseService cases) {
    this.reads = reads;
    this.lookup = lookup;
    this.assignments = assignments;
    this.cases = cases;
  }

  /** How many open tasks became {@code username}'s after {@code since}: one indexed count. */
  public long countSince(String username, Instant since) {
    return reads.countAssignedSince(username, since);
  }

  /** The open tasks that became {@code username}'s after {@code since}, newest first, at most {@code max}. */
  public List<AssignedTask> since(String username, Instant since, int max) {
    List<Task> found = reads.assignedSince(username, since, max);
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, Instant> at = assignments.findAllById(found.stream().map(Task::getId).toList()).stream()
        .collect(Collectors.toMap(TaskAssignment::getTaskId, TaskAssignment::getAssignedAt));
    Set<String> instances = new HashSet<>();
    found.forEach(t -> instances.add(t.getProcessInstanceId()));
    Map<String, String> caseNumbers = reads.businessKeys(instances);
    Map<String, CaseRef> byNumber = cases.byNumbers(caseNumbers.values().stream().filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    return found.stream().filter(t -> at.containsKey(t.getId())).map(t -> {
      String number = caseNumbers.get(t.getProcessInstanceId());
      CaseRef c = number == null ? null : byNumber.get(number);
      return new AssignedTask(t.getId(), lookup.kindOf(t.getTaskDefinitionKey()), t.getName(),
          c == null ? -1 : c.id(), number, at.get(t.getId()));
    }).toList();
  }
}
