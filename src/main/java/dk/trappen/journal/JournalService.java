package dk.trappen.journal;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case journal: reads it and writes entries and corrections, with plain values (the case as {@link CaseRef}, the
 * author's user name). The caller has been let through {@code security.CaseAccess} for the case first; the rules are
 * {@link JournalPolicy}'s, every problem at once, and a refused write stores nothing.
 */
@Service
public class JournalService {

  private static final Logger log = LoggerFactory.getLogger(JournalService.class);

  private final JournalEntryRepository entries;
  private final JournalPolicy policy;
  private final Clock clock;
  private final TransactionTemplate transactions;

  JournalService(JournalEntryRepository entries, JournalPolicy policy, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.entries = entries;
    this.policy = policy;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Every version of every entry of the case: the entries newest first by when their current version happened, each
   * entry's current version first and its corrected versions after it, newest first.
   */
  @Transactional(readOnly = true)
  public List<JournalEntryView> entries(long caseId) {
    List<JournalEntry> all = entries.findByCaseIdOrderByIdAsc(caseId);
    Map<Long, Long> correctedBy = new HashMap<>();
    all.stream().filter(e -> e.getReplacesId() != null).forEach(e -> correctedBy.put(e.getReplacesId(), e.getId()));
    Map<Long, List<JournalEntryView>> byEntry = new LinkedHashMap<>();
    for (JournalEntry e : all) {
      byEntry.computeIfAbsent(e.entryId(), k -> new ArrayList<>()).add(JournalEntryView.of(e, correctedBy.get(e.getId())));
    }
    List<List<JournalEntryView>> threads = new ArrayList<>(byEntry.values());
    threads.forEach(t -> t.sort(Comparator.comparingInt(JournalEntryView::version).reversed()));
    threads.sort(Comparator.comparing((List<JournalEntryView> t) -> t.get(0).happenedAt())
        .thenComparing(t -> t.get(0).entryId()).reversed());
    return threads.stream().flatMap(List::stream).toList();
  }

  /**
   * Whether a conversation with the child (børnesamtale) is recorded on the case: a current version of kind
   * {@link JournalKind#CHILD_CONVERSATION} (an entry corrected into another kind does not count).
   */
  @Transactional(readOnly = true)
  public boolean hasChildConversation(long caseId) {
    return entries.existsByCaseIdAndKindAndSupersededAtIsNull(caseId, JournalKind.CHILD_CONVERSATION);
  }

  /** Writes a new entry on the case by {@code author}; refused with every problem at once, storing nothing. */
  @Transactional
  public JournalEntryView write(CaseRef c, NewJournalEntry entry, String author) {
    refuseUnless(policy.problems(entry));
    JournalEntry e = version(c, entry, author, clock.instant());
    e.setVersion(1);
    entries.saveAndFlush(e);
    log.info("Journal entry {} ({}) written on case {} by {}", e.getId(), e.getKind(), c.caseNumber(), author);
    return JournalEntryView.of(e, null);
  }

  /**
   * Corrects the version {@code id} of an entry on the case: writes the entry's next version, pointing at the one it
   * replaces with the reason, and marks the replaced one superseded, in one transaction. A version already corrected
   * is a conflict (409, nothing stored); of two corrections of one version at once, one is stored and the other
   * refused so. A version that is not on the case is not found.
   */
  public JournalEntryView correct(CaseRef c, long id, JournalCorrection correction, String author) {
    refuseUnless(policy.problems(correction));
    try {
      return transactions.execute(tx -> correctOnce(c, id, correction, author));
    } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
      // the other correction committed between our look and our write (the unique replaces_id, or a lock conflict)
      log.info("Correction of journal entry {} on case {} lost a race: {}", id, c.caseNumber(), e.getMessage());
      throw alreadyCorrected(id);
    }
  }

  private JournalEntryView correctOnce(CaseRef c, long id, JournalCorrection correction, String author) {
    JournalEntry old = entries.findById(id).filter(e -> e.getCaseId() == c.id())
        .orElseThrow(() -> new NotFoundException("no journal entry " + id + " on case " + c.caseNumber()));
    if (old.getSupersededAt() != null) {
      throw alreadyCorrected(id);
    }
    Instant now = clock.instant();
    if (entries.markSuperseded(id, now, author) == 0) {
      throw alreadyCorrected(id);
    }
    JournalEntry next = version(c, correction.content(), author, now);
    next.setVersion(old.getVersion() + 1);
    next.setFirstId(old.entryId());
    next.setReplacesId(old.getId());
    next.setCorrectionReason(correction.reason().strip());
    entries.saveAndFlush(next);
    log.info("Journal entry {} corrected by version {} on case {} by {}", id, next.getId(), c.caseNumber(), author);
    return JournalEntryView.of(next, null);
  }

  private static JournalEntry version(CaseRef c, NewJournalEntry entry, String author, Instant now) {
    JournalEntry e = new JournalEntry();
    e.setCaseId(c.id());
    e.setCaseNumber(c.caseNumber());
    e.setKind(JournalKind.valueOf(entry.kind()));
    e.setHappenedAt(entry.happenedAt());
    e.setWrittenAt(now);
    e.setAuthor(author);
    e.setText(entry.text().strip());
    return e;
  }

  private static void refuseUnless(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }

  private static InvalidInputException alreadyCorrected(long id) {
    return InvalidInputException.conflict("id", "problem.journal.alreadyCorrected", id);
  }
}
