package dk.trappen.casefile;

import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseRef;
import dk.trappen.intake.IntakeCaseView;
import dk.trappen.intake.IntakeService;
import dk.trappen.org.Role;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case API's reads: the case file, the case as intake sees it, and who read and wrote the case. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "A youth case with its child, interventions, step history and deadlines")
class CaseFileController {

  private final CaseFileQuery caseFiles;
  private final IntakeService intake;
  private final CurrentUser currentUser;
  private final CaseAccess access;
  private final AuditService auditService;

  CaseFileController(CaseFileQuery caseFiles, IntakeService intake, CurrentUser currentUser, CaseAccess access,
      AuditService auditService) {
    this.caseFiles = caseFiles;
    this.intake = intake;
    this.currentUser = currentUser;
    this.access = access;
    this.auditService = auditService;
  }

  @GetMapping("/{caseNumber}")
  @Operation(summary = "The case: child, status, running interventions and their steps, the step history, "
      + "notifications, plan, meetings, open tasks and every deadline with its due time, state and rule",
      description = "The whole case, for the case's team (its caseworkers and team leader). Anyone else, intake "
          + "included, gets 404 as for a case that does not exist; intake reads GET /api/cases/{caseNumber}/intake.")
  CaseFile get(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: case");
    return caseFiles.read(c);
  }

  @GetMapping("/{caseNumber}/intake")
  @Operation(summary = "The case as intake sees it: the child's identity, whether and where the case is open (case "
      + "number, team, status, opened and closed) and its notifications",
      description = "For intake and the case's team; anyone else gets 404. Holds none of the case's contents: no "
          + "caseworker, investigation, plan, intervention, meeting, deadline, assessment note or the youth's words.")
  IntakeCaseView intakeView(@PathVariable String caseNumber) {
    CaseRef c = access.readIntakeView(caseNumber, "api: case (intake view)");
    return intake.caseView(c);
  }

  @GetMapping("/{caseNumber}/audit")
  @Operation(summary = "Who read and wrote the case, newest first (the case's team leader and head of department "
      + "only)")
  List<AuditService.AuditView> audit(@PathVariable String caseNumber) {
    Role role = currentUser.get().role();
    if (role != Role.TEAM_LEADER && role != Role.HEAD) {
      throw new AccessDeniedException("only the team leader or head of department sees who read a case");
    }
    CaseRef c = access.read(caseNumber, "api: audit of the case");
    return auditService.ofCase(c.id());
  }
}
