package dk.trappen.parties;

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
 * The parties of a case and their consents over the API (the case page's forms are {@code casefile}'s). The case's
 * team reads them (a head of department too) and its caseworkers and team leaders write them; another team, intake
 * and administrators get "not found", recorded by {@link CaseAccess}. A protected address is never in an answer.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Parties", description = "The parties of a case (mother, father, custody holders, network, ...) and "
    + "their consents, append-only; protected addresses never shown")
class PartiesController {

  private final PartiesService parties;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  PartiesController(PartiesService parties, CaseAccess access, CurrentUser currentUser) {
    this.parties = parties;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/{caseNumber}/parties")
  @Operation(summary = "The case's parties with their consents, newest first; a protected address is null")
  List<PartyView> parties(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: parties");
    return parties.parties(c.id());
  }

  @PostMapping("/{caseNumber}/parties")
  @Operation(summary = "Add a party to the case: 201 with the party once it is stored")
  ResponseEntity<PartyView> add(@PathVariable String caseNumber, @RequestBody NewParty party) {
    CaseRef c = access.write(caseNumber, "parties: new party");
    PartyView added = parties.add(c, party, currentUser.get().username());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/parties")).body(added);
  }

  @PostMapping("/{caseNumber}/consents")
  @Operation(summary = "Record a consent given or withdrawn by a party of the case: 201 once it is stored; a "
      + "withdrawal is a new record, nothing is deleted")
  ResponseEntity<ConsentView> consent(@PathVariable String caseNumber, @RequestBody NewConsent consent) {
    CaseRef c = access.write(caseNumber, "parties: consent");
    ConsentView recorded = parties.record(c, consent, currentUser.get().username());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/parties")).body(recorded);
  }
}
