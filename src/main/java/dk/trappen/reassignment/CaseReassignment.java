package dk.trappen.reassignment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Cases to give to one caseworker of the team, with the open tasks their previous caseworker held. */
public record CaseReassignment(
    @Schema(description = "The numbers of the cases to move, at most " + ReassignmentPolicy.MAX_AT_ONCE)
    List<String> caseNumbers,
    @Schema(description = "The username of a caseworker of the leader's team")
    String caseworker) {
}
