package dk.trappen.oversight;

import dk.trappen.common.InvalidInputException;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/oversight")
@Tag(name = "Oversight", description = "The team leader's overdue and at-risk deadlines")
class OversightController {

  private final DeadlineRegister deadlines;
  private final CurrentUser currentUser;

  OversightController(DeadlineRegister deadlines, CurrentUser currentUser) {
    this.deadlines = deadlines;
    this.currentUser = currentUser;
  }

  @GetMapping("/deadlines")
  @Operation(summary = "Open deadlines of the team that are overdue or at risk, earliest due first",
      description = "state: overdue, at-risk or omitted for both. team defaults to the team leader's own team; a "
          + "team leader sees only their own team.")
  List<DeadlineView> deadlines(@RequestParam(required = false) String state,
      @RequestParam(required = false) String team) {
    StaffMember leader = currentUser.get();
    String teamCode = team == null || team.isBlank() ? leader.teamCode() : team;
    if (!teamCode.equals(leader.teamCode())) {
      throw new InvalidInputException("team", "a team leader sees only their own team (" + leader.teamCode() + ")");
    }
    DeadlineState only = switch (state == null ? "" : state) {
      case "" -> null;
      case "overdue" -> DeadlineState.OVERDUE;
      case "at-risk" -> DeadlineState.AT_RISK;
      default -> throw new InvalidInputException("state", "must be overdue or at-risk, was '" + state + "'");
    };
    return deadlines.atRiskOrOverdue(List.of(teamCode), only);
  }
}
