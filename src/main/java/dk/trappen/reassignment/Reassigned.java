package dk.trappen.reassignment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What moved, all in one transaction: the tasks' ids or the cases' numbers, and who holds them now. */
public record Reassigned(
    @Schema(description = "The task ids or case numbers that moved") List<String> moved,
    @Schema(description = "Who holds them now; null: the team's group", nullable = true) String holder,
    @Schema(description = "How many tasks moved (for cases: the open tasks that moved with them)") int tasksMoved) {
}
