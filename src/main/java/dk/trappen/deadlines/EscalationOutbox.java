package dk.trappen.deadlines;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the team leaders' notice of an escalated deadline into the outbox, in the transaction of the escalation (the
 * timer job's): the notice exists exactly when the escalation committed. {@link EscalationNotices} sends it later.
 */
@Slf4j
@Component
class EscalationOutbox {

  static final String TOPIC = "deadline-escalated";

  private final OutboxRepository outbox;
  private final OrgService staff;
  private final MessageSource messages;
  private final NoticeProperties properties;
  private final DeadlineRules rules;

  EscalationOutbox(OutboxRepository outbox, OrgService staff, MessageSource messages, NoticeProperties properties,
      DeadlineRules rules) {
    this.outbox = outbox;
    this.staff = staff;
    this.messages = messages;
    this.properties = properties;
    this.rules = rules;
  }

  /** The idempotency key of the notice of one deadline's escalation. */
  static String key(long deadlineId) {
    return "deadline:" + deadlineId + ":escalated";
  }

  /**
   * Queues the notice of {@code deadline}'s escalation to the team leaders of its team. Must run inside the
   * escalating transaction. The key is unique: a second notice for the same deadline is not written (and a
   * concurrent one fails on the unique constraint, rolling its transaction back).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deadlineEscalated(Deadline deadline, Instant at) {
    String key = key(deadline.getId());
    if (outbox.existsByMessageKey(key)) {
      log.warn("The notice {} is already in the outbox; not written again", key);
      return;
    }
    List<String> leaders = staff.teamLeaders(deadline.getTeamCode()).stream().map(StaffMember::username).toList();
    if (leaders.isEmpty()) {
      log.warn("Team {} has no team leader to notify of the escalated deadline {} of case {}",
          deadline.getTeamCode(), deadline.getKind().key(), deadline.getCaseNumber());
    }
    Locale locale = properties.getLocale();
    String kind = messages.getMessage("deadline." + deadline.getKind().name(), null, deadline.getKind().key(), locale);
    String due = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
        .format(deadline.getDueAt().atZone(rules.zone()));

    OutboxMessage message = new OutboxMessage();
    message.setMessageKey(key);
    message.setTopic(TOPIC);
    message.setCaseId(deadline.getCaseId());
    message.setCaseNumber(deadline.getCaseNumber());
    message.setTeamCode(deadline.getTeamCode());
    message.setRecipients(String.join(",", leaders));
    message.setSubject(messages.getMessage("notice.escalated.subject",
        new Object[] {kind, deadline.getCaseNumber()}, locale));
    message.setBody(messages.getMessage("notice.escalated.body",
        new Object[] {kind, deadline.getCaseNumber(), deadline.getTeamCode(), due, deadline.getBasis()}, locale));
    message.setCreatedAt(at);
    outbox.saveAndFlush(message);
  }
}
