package dk.trappen.deadlines;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second escalation tier (issue 17): a deadline escalated to the team leader and still not met at its
 * {@code head_due_at} escalates to the heads of department over its team, and each head gets a daily digest of what
 * reached them. Run on every node by {@link NoticeScheduling}; tests call {@link #escalateDue()} and
 * {@link #writeDigests()} themselves.
 *
 * <p>Exactly once across nodes: each row is escalated in a transaction of its own by a conditional update
 * ({@link DeadlineRepository#markEscalatedToHead}); only the caller whose update changed the row writes the heads'
 * notice, in the same transaction. The notice's unique key is the second guard: a unique violation means another
 * node won, and rolls back only that row's transaction. A digest is once per head and day by its unique key.
 */
@Slf4j
@Service
public class HeadEscalation {

  private final DeadlineRepository repository;
  private final EscalationOutbox outbox;
  private final DeadlineRules rules;
  private final OrgService staff;
  private final EscalationProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Map<DeadlineKind, Counter> escalations = new EnumMap<>(DeadlineKind.class);

  HeadEscalation(DeadlineRepository repository, EscalationOutbox outbox, DeadlineRules rules, OrgService staff,
      EscalationProperties properties, Clock clock, PlatformTransactionManager transactionManager,
      MeterRegistry meters) {
    this.repository = repository;
    this.outbox = outbox;
    this.rules = rules;
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    for (DeadlineKind kind : DeadlineKind.values()) {
      escalations.put(kind, Counter.builder("trappen.deadlines.escalated.head")
          .description("Deadlines still not met after the team leader's escalation, escalated to the head")
          .tag("kind", kind.key())
          .register(meters));
    }
  }

  /**
   * Escalates to the heads every open deadline whose {@code head_due_at} has come (at most
   * {@code trappen.escalation.batch-size}, oldest first; the rest at the next poll). Returns how many this call
   * escalated; a row another node escalated meanwhile is not counted and gets no second notice.
   */
  public int escalateDue() {
    Instant now = clock.instant();
    List<Long> due = repository.findDueAtHead(now, PageRequest.of(0, properties.getBatchSize()));
    int count = 0;
    for (Long id : due) {
      if (escalate(id, now)) {
        count++;
      }
    }
    return count;
  }

  private boolean escalate(Long id, Instant now) {
    Deadline row;
    try {
      row = transactions.execute(tx -> {
        if (repository.markEscalatedToHead(id, now) != 1) {
          return null; // met, cancelled or escalated by another node since it was listed
        }
        Deadline d = repository.findById(id).orElseThrow();
        outbox.deadlineEscalatedToHead(d, now);
        return d;
      });
    } catch (DataIntegrityViolationException e) {
      log.info("Deadline {} was escalated to the head by another node meanwhile; its notice is written once", id);
      return false;
    } catch (ConcurrencyFailureException e) {
      log.info("Deadline {} is being escalated to the head by another node; left to it (or to the next poll)", id);
      return false;
    }
    if (row == null) {
      return false;
    }
    escalations.get(row.getKind()).increment();
    log.info("Deadline {} of case {} still not met (due {}, escalated to the team leader {}); escalated to the head "
        + "of {}", row.getKind().key(), row.getCaseNumber(), row.getDueAt(), row.getEscalatedAt(), row.getTeamCode());
    return true;
  }

  /**
   * At start-up: gives every open deadline escalated to the team leader before the second tier existed its tier's due
   * time, counted from that escalation like any other, so that it too reaches the head. One scan of the register;
   * afterwards every escalation sets the tier itself. Returns how many rows it set.
   */
  @EventListener(ApplicationReadyEvent.class)
  public int backfillSecondTier() {
    int set = 0;
    for (Deadline d : repository.findEscalatedWithoutHeadTier()) {
      set += repository.setHeadDueAt(d.getId(), rules.headDueAfter(d.getKind(), d.getEscalatedAt()));
    }
    if (set > 0) {
      log.info("{} deadlines escalated to the team leader before the second tier existed now reach the head too", set);
    }
    return set;
  }

  /**
   * Writes today's digest for every active head with something escalated to them, once the local time has passed
   * {@code trappen.escalation.digest-at}; nothing before, nothing for a head with nothing escalated, nothing for a
   * head whose digest of today exists. Returns how many digests this call wrote.
   */
  public int writeDigests() {
    Instant now = clock.instant();
    ZonedDateTime local = now.atZone(rules.zone());
    if (local.toLocalTime().isBefore(properties.getDigestAt())) {
      return 0;
    }
    LocalDate day = local.toLocalDate();
    int written = 0;
    for (StaffMember head : staff.heads()) {
      if (head.teams().isEmpty()) {
        continue;
      }
      try {
        Boolean wrote = transactions.execute(tx -> outbox.headDigest(head, day,
            () -> repository.findOpenEscalatedToHead(head.teams()), now));
        if (Boolean.TRUE.equals(wrote)) {
          written++;
          log.info("Digest of {} for {} written", day, head.username());
        }
      } catch (DataIntegrityViolationException e) {
        log.debug("The digest of {} for {} was written by another node", day, head.username());
      }
    }
    return written;
  }
}
