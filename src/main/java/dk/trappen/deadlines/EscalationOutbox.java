package dk.trappen.deadlines;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the notices of escalated deadlines into the outbox, in the transaction of the escalation: the team leaders'
 * notice in the timer job's ({@link DeadlineRegister#escalate}), the heads' notice of the second tier and their daily
 * digest in {@link HeadEscalation}'s. A notice exists exactly when its escalation committed; {@link EscalationNotices}
 * sends it later. Every key is unique: a second notice under the same key is not written (and a concurrent one fails
 * on the unique constraint, rolling its transaction back).
 */
@Slf4j
@Component
class EscalationOutbox {

  static final String TOPIC = "deadline-escalated";
  static final String HEAD_TOPIC = "deadline-escalated-to-head";
  static final String DIGEST_TOPIC = "head-digest";
  /** The body column holds 4,000 characters; a longer digest names how many lines it left out. */
  private static final int MAX_BODY = 3800;

  private final OutboxRepository outbox;
  private final OutboxRecipientRepository recipientRows;
  private final OrgService staff;
  private final MessageSource messages;
  private final NoticeProperties properties;
  private final DeadlineRules rules;

  EscalationOutbox(OutboxRepository outbox, OutboxRecipientRepository recipientRows, OrgService staff,
      MessageSource messages, NoticeProperties properties, DeadlineRules rules) {
    this.outbox = outbox;
    this.recipientRows = recipientRows;
    this.staff = staff;
    this.messages = messages;
    this.properties = properties;
    this.rules = rules;
  }

  /** The idempotency key of the notice of one deadline's escalation to the team leaders. */
  static String key(long deadlineId) {
    return "deadline:" + deadlineId + ":escalated";
  }

  /** The idempotency key of the notice of one deadline's escalation to the heads (the second tier). */
  static String headKey(long deadlineId) {
    return "deadline:" + deadlineId + ":escalated-to-head";
  }

  /** The idempotency key of one head's digest of one day. */
  static String digestKey(String username, LocalDate day) {
    return "digest:head:" + username + ":" + day;
  }

  /** Queues the notice of {@code deadline}'s escalation to the team leaders of its team. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deadlineEscalated(Deadline deadline, Instant at) {
    List<String> leaders = staff.teamLeaders(deadline.getTeamCode()).stream().map(StaffMember::username).toList();
    Locale locale = properties.getLocale();
    Object[] args = {kind(deadline, locale), deadline.getCaseNumber(), deadline.getTeamCode(),
        time(deadline.getDueAt(), locale), deadline.getBasis()};
    write(key(deadline.getId()), TOPIC, deadline, leaders, "team leader", "notice.escalated", args, at);
  }

  /**
   * Queues the notice of {@code deadline}'s escalation to the heads of department over its team (the second tier):
   * it escalated to the team leader and is still not met.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deadlineEscalatedToHead(Deadline deadline, Instant at) {
    List<String> heads = staff.heads(deadline.getTeamCode()).stream().map(StaffMember::username).toList();
    Locale locale = properties.getLocale();
    Object[] args = {kind(deadline, locale), deadline.getCaseNumber(), deadline.getTeamCode(),
        time(deadline.getDueAt(), locale), time(deadline.getEscalatedAt(), locale), deadline.getBasis()};
    write(headKey(deadline.getId()), HEAD_TOPIC, deadline, heads, "head of department", "notice.headEscalated",
        args, at);
  }

  /**
   * Queues {@code head}'s digest of {@code day}: every open deadline of the head's teams that escalated to a head, as
   * {@code list} reads them (only when the day's digest is not written yet). Returns whether it was written: not when
   * the list is empty, nor when the day's digest exists already.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean headDigest(StaffMember head, LocalDate day, Supplier<List<Deadline>> list, Instant at) {
    String key = digestKey(head.username(), day);
    if (outbox.existsByMessageKey(key)) {
      return false;
    }
    List<Deadline> escalated = list.get();
    if (escalated.isEmpty()) {
      return false;
    }
    Locale locale = properties.getLocale();
    StringBuilder lines = new StringBuilder();
    int listed = 0;
    for (Deadline d : escalated) {
      String line = messages.getMessage("notice.headDigest.line", new Object[] {d.getCaseNumber(), kind(d, locale),
          d.getTeamCode(), time(d.getDueAt(), locale), time(d.getHeadEscalatedAt(), locale)}, locale);
      if (lines.length() + line.length() > MAX_BODY) {
        lines.append(messages.getMessage("notice.headDigest.more", new Object[] {escalated.size() - listed}, locale));
        break;
      }
      lines.append(line).append('\n');
      listed++;
    }
    OutboxMessage message = new OutboxMessage();
    message.setMessageKey(key);
    message.setTopic(DIGEST_TOPIC);
    message.setRecipients(head.username());
    message.setSubject(messages.getMessage("notice.headDigest.subject",
        new Object[] {escalated.size(), day.toString()}, locale));
    message.setBody(messages.getMessage("notice.headDigest.body", new Object[] {day.toString(), lines.toString()},
        locale));
    message.setCreatedAt(at);
    outbox.saveAndFlush(message);
    return true;
  }

  private void write(String key, String topic, Deadline deadline, List<String> recipients, String role,
      String messagePrefix, Object[] args, Instant at) {
    if (outbox.existsByMessageKey(key)) {
      log.warn("The notice {} is already in the outbox; not written again", key);
      return;
    }
    if (recipients.isEmpty()) {
      log.warn("Team {} has no {} to notify of the escalated deadline {} of case {}", deadline.getTeamCode(), role,
          deadline.getKind().key(), deadline.getCaseNumber());
    }
    Locale locale = properties.getLocale();
    OutboxMessage message = new OutboxMessage();
    message.setMessageKey(key);
    message.setTopic(topic);
    message.setCaseId(deadline.getCaseId());
    message.setCaseNumber(deadline.getCaseNumber());
    message.setTeamCode(deadline.getTeamCode());
    message.setRecipients(String.join(",", recipients));
    message.setSubject(messages.getMessage(messagePrefix + ".subject", new Object[] {args[0], args[1]}, locale));
    message.setBody(messages.getMessage(messagePrefix + ".body", args, locale));
    message.setCreatedAt(at);
    outbox.saveAndFlush(message);
    // one row per recipient, for the bell's "addressed to me" (AddressedNotices)
    recipients.stream().distinct().forEach(r -> recipientRows.save(new OutboxRecipient(message.getId(), r, at)));
  }

  private String kind(Deadline deadline, Locale locale) {
    return messages.getMessage("deadline." + deadline.getKind().name(), null, deadline.getKind().key(), locale);
  }

  private String time(Instant at, Locale locale) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
        .format(at.atZone(rules.zone()));
  }
}
