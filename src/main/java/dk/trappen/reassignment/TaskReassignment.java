package dk.trappen.reassignment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Tasks to give to one caseworker of the team, or back to the team's group (no assignee). */
public record TaskReassignment(
    @Schema(description = "The ids of the tasks to move, at most " + ReassignmentPolicy.MAX_AT_ONCE)
    List<String> taskIds,
    @Schema(description = "The username of a caseworker of the leader's team; omitted or empty: back to the team's "
        + "group", nullable = true)
    String assignee) {

  /** The assignee, or null for the team's group. */
  String holder() {
    return assignee == null || assignee.isBlank() ? null : assignee;
  }
}
