package dk.trappen.deadlines;

/**
 * Delivers a notice from the outbox. Called by {@link EscalationNotices} outside any database transaction; a channel
 * signals failure by throwing, and the notice is then retried later. Delivery is at least once: a node that crashes
 * after sending but before marking the notice sent sends it again after its claim expires, with the same key.
 */
public interface NoticeChannel {

  void send(Notice notice);
}
