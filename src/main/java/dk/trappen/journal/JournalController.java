package dk.trappen.journal;

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
 * The case journal over the API (the case page's forms are {@code casefile}'s). The case's team reads it (a head of
 * department too) and its caseworkers and team leaders write it; another team, intake and administrators get "not
 * found", recorded by {@link CaseAccess}.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Journal", description = "The case journal: calls, visits, conversations and notes; corrections as new "
    + "versions, nothing deleted")
class JournalController {

  private final JournalService journal;
  private final CaseAccess access;
  private final CurrentUser currentUser;

  JournalController(JournalService journal, CaseAccess access, CurrentUser currentUser) {
    this.journal = journal;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/{caseNumber}/journal")
  @Operation(summary = "The case's journal: entries newest first by when they happened, each current version followed "
      + "by the versions it corrected")
  List<JournalEntryView> journal(@PathVariable String caseNumber) {
    CaseRef c = access.read(caseNumber, "api: journal");
    return journal.entries(c.id());
  }

  @PostMapping("/{caseNumber}/journal")
  @Operation(summary = "Write a journal entry on the case: 201 with the entry once it is stored")
  ResponseEntity<JournalEntryView> write(@PathVariable String caseNumber, @RequestBody NewJournalEntry entry) {
    CaseRef c = access.write(caseNumber, JournalKind.auditName(entry.kind()));
    JournalEntryView written = journal.write(c, entry, currentUser.get().username());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/journal")).body(written);
  }

  @PostMapping("/{caseNumber}/journal/{id}/corrections")
  @Operation(summary = "Correct a journal entry: its new version with a reason; the corrected version is kept. 409 "
      + "when the version was corrected already")
  ResponseEntity<JournalEntryView> correct(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody JournalCorrection correction) {
    CaseRef c = access.write(caseNumber, "journal: correction of entry " + id);
    JournalEntryView written = journal.correct(c, id, correction, currentUser.get().username());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/journal")).body(written);
  }
}
