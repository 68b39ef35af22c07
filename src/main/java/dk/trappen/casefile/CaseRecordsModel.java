package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.documents.DocumentKind;
import dk.trappen.documents.DocumentPolicy;
import dk.trappen.documents.DocumentService;
import dk.trappen.journal.JournalEntryView;
import dk.trappen.journal.JournalKind;
import dk.trappen.parties.ConsentDocumentation;
import dk.trappen.parties.ConsentState;
import dk.trappen.parties.PartiesService;
import dk.trappen.parties.PartyRole;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case file's records on the case page, each with its forms: the journal, the parties with their consents, and the
 * documents. A form is shown empty unless its refused POST put what was typed and its problems in the model already.
 */
@Component
class CaseRecordsModel {

  private final PartiesService parties;
  private final DocumentService documents;
  private final DocumentPolicy documentPolicy;
  private final Clock clock;

  CaseRecordsModel(PartiesService parties, DocumentService documents, DocumentPolicy documentPolicy, Clock clock) {
    this.parties = parties;
    this.documents = documents;
    this.documentPolicy = documentPolicy;
    this.clock = clock;
  }

  /** Now, to the minute, as a datetime-local field shows it. */
  static String nowLocal(Clock clock) {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).format(CasePageModel.LOCAL_MINUTES);
  }

  private String nowLocal() {
    return nowLocal(clock);
  }

  /**
   * The journal and its forms: the entries as threads of versions, and, unless a journal form's POST put them there
   * already, an empty new-entry form starting at now and no correction form open ({@code correcting} is the id of the
   * version whose correction form shows what was typed and its problems).
   */
  void journal(Model model, List<JournalEntryView> entries, Function<String, String> person) {
    model.addAttribute("journal", JournalThreads.of(entries, person, clock.getZone()));
    model.addAttribute("journalKinds", JournalKind.values());
    if (!model.containsAttribute("journalForm")) {
      model.addAttribute("journalForm", Map.of("happenedAt", nowLocal()));
      model.addAttribute("journalErrors", Map.of());
    }
    if (!model.containsAttribute("correcting")) {
      model.addAttribute("correcting", -1L);
      model.addAttribute("correctForm", Map.of());
      model.addAttribute("correctErrors", Map.of());
    }
  }

  /**
   * The parties with their consents and the two forms, empty (the consent's time starting at now) unless a form's POST
   * put what was typed and its problems there already.
   */
  void parties(Model model, CaseRef c) {
    model.addAttribute("parties", parties.parties(c.id()));
    model.addAttribute("partyRoles", PartyRole.values());
    model.addAttribute("consentStates", ConsentState.values());
    model.addAttribute("consentDocumentations", ConsentDocumentation.values());
    if (!model.containsAttribute("partyForm")) {
      model.addAttribute("partyForm", Map.of());
      model.addAttribute("partyErrors", Map.of());
    }
    if (!model.containsAttribute("consentForm")) {
      model.addAttribute("consentForm", Map.of("happenedAt", nowLocal()));
      model.addAttribute("consentErrors", Map.of());
    }
  }

  /**
   * The documents with the upload form, empty (the date starting at today) unless the form's POST put what was typed
   * and its problems there already, and no filing-in-error form open unless its POST was refused
   * ({@code filingInError} is the id of the document whose form shows what was typed and its problems).
   */
  void documents(Model model, CaseRef c, Function<String, String> person) {
    var list = documents.documents(c.id());
    model.addAttribute("documents", list);
    Map<String, String> storedBy = new HashMap<>();
    list.forEach(d -> {
      storedBy.put(d.storedBy(), person.apply(d.storedBy()));
      if (d.filedInErrorBy() != null) {
        storedBy.put(d.filedInErrorBy(), person.apply(d.filedInErrorBy()));
      }
    });
    model.addAttribute("documentPeople", storedBy);
    model.addAttribute("documentKinds", DocumentKind.forUpload());
    model.addAttribute("documentMaxSize", documentPolicy.maxSize());
    model.addAttribute("today", java.time.LocalDate.ofInstant(clock.instant(), clock.getZone()).toString());
    if (!model.containsAttribute("documentForm")) {
      model.addAttribute("documentForm", Map.of("date", java.time.LocalDate.ofInstant(clock.instant(),
          clock.getZone()).toString()));
      model.addAttribute("documentErrors", Map.of());
    }
    if (!model.containsAttribute("filingInError")) {
      model.addAttribute("filingInError", -1L);
      model.addAttribute("filedInErrorForm", Map.of());
      model.addAttribute("filedInErrorErrors", Map.of());
    }
  }
}
