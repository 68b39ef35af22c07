package dk.trappen.oversight;

import dk.trappen.common.Paging;
import dk.trappen.deadlines.DeadlineChangeView;
import dk.trappen.deadlines.DeadlineExtensions;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/oversight")
@Tag(name = "Oversight", description = "The team leader's overdue and at-risk deadlines, team figures and cases "
    + "without a caseworker")
class OversightController {

  private final OversightService oversight;
  private final CurrentUser currentUser;
  private final DeadlineExtensions extensions;
  private final CaseAccess access;

  OversightController(OversightService oversight, CurrentUser currentUser, DeadlineExtensions extensions,
      CaseAccess access) {
    this.oversight = oversight;
    this.currentUser = currentUser;
    this.extensions = extensions;
    this.access = access;
  }

  @GetMapping("/deadline-requests")
  @Operation(summary = "The caseworkers' requests to extend or pause a deadline that wait for the team leader, oldest "
      + "first",
      description = "team defaults to the user's first team; another team than the user's is a 400 problem detail "
          + "naming team. Decide each with POST /api/cases/{caseNumber}/deadlines/{id}/extensions/{changeId}/decision.")
  List<DeadlineChangeView> deadlineRequests(@RequestParam(required = false) String team) {
    var user = currentUser.get();
    List<DeadlineChangeView> requests = extensions.pending(List.of(oversight.teamOf(user, team)));
    java.util.Map<Long, String> shown = new java.util.LinkedHashMap<>();
    requests.forEach(r -> shown.put(r.caseId(), r.caseNumber()));
    access.recordList(user, shown, "api: deadline requests");
    return requests;
  }

  @GetMapping("/deadlines")
  @Operation(summary = "Open deadlines of the team that are overdue or at risk, earliest due first, one page at a "
      + "time",
      description = "state: overdue, at-risk or omitted for both; any other value is a 400 problem detail naming "
          + "state. team defaults to the team leader's own team; a "
          + "team leader sees only their own team. The answer is one page: content, and page with size, number, "
          + "totalElements and totalPages. A page below 0, or a size outside 1 to " + Paging.MAX_SIZE + ", is a 400 "
          + "problem detail naming the field.")
  PagedModel<DeadlineView> deadlines(@RequestParam(required = false) String state,
      @RequestParam(required = false) String team,
      @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", minimum = "0",
          defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(description = "Deadlines per page, at most " + Paging.MAX_SIZE, schema = @Schema(type = "integer",
          minimum = "1", maximum = "" + Paging.MAX_SIZE, defaultValue = "" + Paging.DEFAULT_SIZE))
      @RequestParam(required = false) String size) {
    Pageable pageable = Paging.of(page, size);
    DeadlineState only = StateFilter.parse(state);
    return new PagedModel<>(oversight.deadlines(currentUser.get(), team, only, pageable));
  }

  @GetMapping("/teams")
  @Operation(summary = "The headline figures of each of the user's teams, side by side",
      description = "For a team leader or head of department: per team they belong to, its open cases, the open cases "
          + "without an active caseworker of the team (unassignedCases), and its overdue and at-risk deadlines now.")
  List<OversightService.TeamFigures> teams() {
    return oversight.sideBySide(currentUser.get().teams());
  }

  @GetMapping("/cases-without-caseworker")
  @Operation(summary = "The team's open cases without an active caseworker of the team, by case number",
      description = "A case nobody was given (caseworker null), or whose caseworker is deactivated or no longer a "
          + "caseworker of the team (caseworker and caseworkerName say who it was): its new tasks stay with the "
          + "team until the team leader gives the case to someone. team defaults to the user's first team; another "
          + "team than the user's is a 400 problem detail naming team. The list is not paged: it is the team "
          + "leader's to empty.")
  List<OversightService.CaseWithoutCaseworker> casesWithoutCaseworker(@RequestParam(required = false) String team) {
    return oversight.withoutCaseworker(currentUser.get(), team);
  }
}
