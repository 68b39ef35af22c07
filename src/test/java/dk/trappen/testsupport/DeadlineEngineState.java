package dk.trappen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * What the engine must hold for a guarded task whose deadline is due at a time: its boundary timer due then and not
 * suspended (besides it at most the investigation's at-risk timer, earlier, where the law's 4 months put it), the
 * task's due date and the execution's {@code deadlineDue}. Shared by the API's and the pages' tests of extensions.
 */
public final class DeadlineEngineState {

  private DeadlineEngineState() {
  }

  public static void assertEngineAt(ManagementService management, TaskService tasks, RuntimeService runtime,
      String executionId, Instant due) {
    List<Job> timers = management.createJobQuery().executionId(executionId).timers().list();
    assertThat(timers).as("the deadline's timer").filteredOn(j -> j.getDuedate().toInstant().equals(due)).hasSize(1)
        .extracting(Job::isSuspended).containsOnly(false);
    assertThat(timers).as("besides it only the investigation's at-risk timer, where the law's 4 months put it")
        .filteredOn(j -> !j.getDuedate().toInstant().equals(due)).hasSizeLessThanOrEqualTo(1)
        .allSatisfy(j -> assertThat(j.getDuedate().toInstant()).isBefore(due));
    assertThat(tasks.createTaskQuery().executionId(executionId).singleResult().getDueDate().toInstant())
        .as("the task's due date").isEqualTo(due);
    assertThat(((Date) runtime.getVariableLocal(executionId, "deadlineDue")).toInstant()).as("deadlineDue")
        .isEqualTo(due);
  }
}
