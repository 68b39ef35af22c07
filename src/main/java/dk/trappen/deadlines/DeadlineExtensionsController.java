package dk.trappen.deadlines;

import dk.trappen.cases.CaseRef;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's deadlines with their changes, and extending or pausing one over the API (the case page's forms are
 * {@code casefile}'s). The case's team and head read them; its caseworkers ask, its team leader extends, pauses and
 * decides; another team, intake and administrators get "not found" (or 403 by role), recorded by {@link CaseAccess}.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/deadlines")
@Tag(name = "Deadlines", description = "A case's deadlines: the legal and the current due time, and their "
    + "extensions and pauses with reasons, asked by a caseworker and approved by the team leader")
class DeadlineExtensionsController {

  private final DeadlineExtensions extensions;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  DeadlineExtensionsController(DeadlineExtensions extensions, CaseAccess access, CurrentUser currentUser) {
    this.extensions = extensions;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "The case's deadlines, earliest due first, each with legalDueAt (as the rules computed it), "
      + "dueAt (now, after approved extensions and pauses), its state (PAUSED while paused) and every change of it, "
      + "oldest first")
  List<DeadlineWithChanges> deadlines(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: deadlines");
    return extensions.ofCase(c.id());
  }

  @PostMapping("/{id}/extensions")
  @Operation(summary = "Ask for (caseworker) or make (team leader) an extension or pause of an open deadline: 201 "
      + "with the change, REQUESTED for a caseworker (nothing moves until the team leader approves), APPROVED for "
      + "the team leader (the due date, the timer and the task move at once)",
      description = "type EXTENSION needs newDueDate, a date after the current due date and not in the past: the "
          + "deadline then falls due that day at the time of day it falls due now. type PAUSE stops the clock until "
          + "resumed. reason is required, at most " + DeadlineChangePolicy.MAX_TEXT + " characters. 400 names each "
          + "field wrong; 409 (field deadline) when the deadline is met, cancelled or paused, or a request waits "
          + "already; 404 for a deadline not on the case or a case of another team.")
  ResponseEntity<DeadlineChangeView> ask(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody DeadlineChangeRequest request) {
    CaseRef c = access.write(caseNumber, "deadlines: " + what(request.type()) + " of deadline " + id);
    DeadlineChangeView change = extensions.ask(c, id, request, currentUser.get());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/deadlines")).body(change);
  }

  @PostMapping("/{id}/extensions/{changeId}/decision")
  @Operation(summary = "The team leader approves (approve true) or refuses (approve false, with a note) a requested "
      + "extension or pause: 200 with the decided change",
      description = "409 (field changeId) when the request is decided already: of two decisions at once one is "
          + "made and the other refused so; 409 (field deadline) to approve when the deadline is met, cancelled or "
          + "paused meanwhile.")
  DeadlineChangeView decide(@PathVariable String caseNumber, @PathVariable long id, @PathVariable long changeId,
      @RequestBody DeadlineDecision decision) {
    String what = Boolean.FALSE.equals(decision.approve()) ? "refusal" : "approval";
    CaseRef c = access.write(caseNumber, "deadlines: " + what + " of change " + changeId + " of deadline " + id);
    return extensions.decide(c, id, changeId, decision, currentUser.get());
  }

  @PostMapping("/{id}/resume")
  @Operation(summary = "Resume a paused deadline (a caseworker or the team leader, no approval needed): 201 with the "
      + "RESUME change; the due time moves on by the time the clock stood still (whole days for a deadline counted "
      + "in days) and the timer runs again",
      description = "reason is optional. 409 (field deadline) when the deadline is not paused.")
  ResponseEntity<DeadlineChangeView> resume(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody(required = false) DeadlineResume resume) {
    CaseRef c = access.write(caseNumber, "deadlines: resume of deadline " + id);
    DeadlineChangeView change = extensions.resume(c, id, resume, currentUser.get());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/deadlines")).body(change);
  }

  /** The audit's word for a request of this type. */
  static String what(String type) {
    return "PAUSE".equals(type) ? "pause" : "extension";
  }
}
