package dk.trappen.reassignment;

import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reassignments")
@Tag(name = "Reassignments", description = "A team leader moves the team's tasks and cases to its caseworkers")
class ReassignmentController {

  private static final String RULES = " The request is one transaction: everything moves or nothing does. Only a "
      + "team leader, for the own team: another team's task or case is a 404 (and the refusal is recorded), "
      + "nothing chosen, more than " + ReassignmentPolicy.MAX_AT_ONCE + " at once or someone who is not a "
      + "caseworker of the team is a 400 problem detail naming each field, and a task completed, claimed or "
      + "reassigned by someone else at the same instant is a 409 naming the field task.";

  private final ReassignmentService reassignment;
  private final CurrentUser currentUser;

  ReassignmentController(ReassignmentService reassignment, CurrentUser currentUser) {
    this.reassignment = reassignment;
    this.currentUser = currentUser;
  }

  @PostMapping("/tasks")
  @Operation(summary = "Give tasks of the team to one of its caseworkers, or back to the team's group",
      description = "taskIds: the tasks; assignee: the caseworker's username, omitted or empty for the team's "
          + "group." + RULES)
  Reassigned tasks(@RequestBody TaskReassignment request) {
    return reassignment.reassignTasks(request, currentUser.get());
  }

  @PostMapping("/cases")
  @Operation(summary = "Give cases of the team to one of its caseworkers, with the open tasks the previous "
      + "caseworker held",
      description = "caseNumbers: the cases; caseworker: the new caseworker's username." + RULES)
  Reassigned cases(@RequestBody CaseReassignment request) {
    return reassignment.reassignCases(request, currentUser.get());
  }
}
