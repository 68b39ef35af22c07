package dk.trappen.cases;

import dk.trappen.common.InvalidInputException;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.intake.IntakeCaseView;
import dk.trappen.intake.IntakeService;
import dk.trappen.investigation.InvestigationService;
import dk.trappen.meetings.ConcernSource;
import dk.trappen.meetings.ConcernView;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.plan.PlanService;
import dk.trappen.audit.AuditService;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.CaseTaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "A youth case with its child, interventions, step history and deadlines")
class CaseController {

  private final CaseService cases;
  private final IntakeService intake;
  private final StaircaseService staircase;
  private final PlanService plans;
  private final InvestigationService investigations;
  private final MeetingsService meetings;
  private final DeadlineRegister deadlines;
  private final CaseTaskService tasks;
  private final CurrentUser currentUser;
  private final CaseAccess access;
  private final AuditService auditService;

  CaseController(CaseService cases, IntakeService intake, StaircaseService staircase, PlanService plans,
      MeetingsService meetings, DeadlineRegister deadlines, CaseTaskService tasks, CurrentUser currentUser,
      InvestigationService investigations, CaseAccess access, AuditService auditService) {
    this.access = access;
    this.auditService = auditService;
    this.investigations = investigations;
    this.cases = cases;
    this.intake = intake;
    this.staircase = staircase;
    this.plans = plans;
    this.meetings = meetings;
    this.deadlines = deadlines;
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  record ConcernInput(
      @NotNull(message = "{problem.concern.raisedBy.required}") ConcernSource raisedBy,
      @NotBlank(message = "{problem.concern.description.required}") @Size(max = 4000, message = "{problem.tooLong}")
      String description,
      @PastOrPresent(message = "{problem.notFuture}") Instant raisedAt) {
  }

  @GetMapping("/{caseNumber}")
  @Operation(summary = "The case: child, status, running interventions and their steps, the step history, "
      + "notifications, plan, meetings, open tasks and every deadline with its due time, state and rule",
      description = "The whole case, for the case's team (its caseworkers and team leader). Anyone else, intake "
          + "included, gets 404 as for a case that does not exist; intake reads GET /api/cases/{caseNumber}/intake.")
  @Transactional(readOnly = true)
  CaseDetails get(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: case");
    CaseService.CaseClosure closure = cases.closure(c.id());
    return new CaseDetails(c.caseNumber(), c.status(), c.teamCode(), c.caseworker(), closure.openedAt(),
        c.awareAt(), closure.closedAt(), closure.reason(), closure.note(),
        new CaseDetails.ChildSummary(c.childName(), c.childCpr(), c.childBirthDate()),
        staircase.running(c.id()), staircase.interventions(c.id()), intake.notifications(c.id()),
        investigations.investigation(c.id()).orElse(null), plans.plans(c.id()), meetings.meetings(c.id()),
        meetings.followUps(c.id()), meetings.concerns(c.id()), plans.aftercare(c.id()),
        tasks.tasksOfCase(c.caseNumber()), deadlines.forCase(c.id()));
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

  @PostMapping("/{caseNumber}/concerns")
  @Operation(summary = "Register a new concern on a case with running interventions: asks for a meeting within "
      + "3 working days")
  ResponseEntity<ConcernView> concern(@PathVariable String caseNumber, @Valid @RequestBody ConcernInput in) {
    CaseRef c = access.write(caseNumber, "api: new concern");
    if (!c.open()) {
      throw InvalidInputException.conflict("caseNumber", "problem.cases.closed", caseNumber);
    }
    StaffMember user = currentUser.get();
    ConcernView concern = meetings.registerConcern(caseNumber, c.id(), in.raisedBy(), in.description(),
        in.raisedAt(), user.username());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).body(concern);
  }

  @GetMapping("/{caseNumber}/audit")
  @Operation(summary = "Who read and wrote the case, newest first (the case's team leader only)")
  List<AuditService.AuditView> audit(@PathVariable String caseNumber) {
    StaffMember user = currentUser.get();
    if (user.role() != Role.TEAM_LEADER) {
      throw new AccessDeniedException("only the team leader sees who read a case");
    }
    CaseRef c = access.read(caseNumber, "api: audit of the case");
    return auditService.ofCase(c.id());
  }
}
