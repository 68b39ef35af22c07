package dk.trappen.meetings;

import dk.trappen.cases.CaseRef;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A new concern on a case, through the API (the case page's form is {@code casefile.CasePageController}). */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "A youth case with its child, interventions, step history and deadlines")
class ConcernController {

  private final MeetingsService meetings;
  private final CurrentUser currentUser;
  private final CaseAccess access;

  ConcernController(MeetingsService meetings, CurrentUser currentUser, CaseAccess access) {
    this.meetings = meetings;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping("/{caseNumber}/concerns")
  @Operation(summary = "Register a new concern on a case with running interventions: asks for a meeting within "
      + "3 working days")
  ResponseEntity<ConcernView> concern(@PathVariable String caseNumber, @Valid @RequestBody NewConcern in) {
    CaseRef c = access.write(caseNumber, "api: new concern");
    ConcernView concern = meetings.registerConcern(c, in, currentUser.get().username());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).body(concern);
  }
}
