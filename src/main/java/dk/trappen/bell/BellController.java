package dk.trappen.bell;

import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Bell", description = "What was newly assigned to the signed-in user, and what escalated to them")
class BellController {

  private final BellService bell;
  private final CurrentUser currentUser;

  BellController(BellService bell, CurrentUser currentUser) {
    this.bell = bell;
    this.currentUser = currentUser;
  }

  @GetMapping("/bell")
  @Operation(summary = "The user's bell: new items, then those seen, of the last " + BellService.WINDOW_DAYS
      + " days",
      description = "Items: open tasks that became the user's (routed to them as their case's caseworker, "
          + "reassigned to them, claimed) and notices of deadlines escalated to them (TASK, ESCALATED, "
          + "ESCALATED_TO_HEAD), newest first, at most " + BellService.MAX_ITEMS + ". New means after seenUntil, "
          + "which only the page (GET /bell) moves: reading the API marks nothing seen. Each case named is recorded "
          + "as read. For intake, caseworkers, team leaders and heads; an administrator is refused.")
  BellService.Bell bell() {
    return bell.read(currentUser.get(), "api: bell");
  }
}
