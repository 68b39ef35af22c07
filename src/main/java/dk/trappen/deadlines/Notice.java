package dk.trappen.deadlines;

import java.util.List;

/**
 * A notice as a {@link NoticeChannel} sends it. {@code key} is the outbox message key: the same for every attempt to
 * send this notice, so that a receiver can recognise a repeated delivery.
 */
public record Notice(String key, String topic, List<String> recipients, String subject, String body) {
}
