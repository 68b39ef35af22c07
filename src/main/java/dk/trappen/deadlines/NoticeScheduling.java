package dk.trappen.deadlines;

import dk.trappen.common.StorageFaults;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the outbox every {@code trappen.notices.poll-interval} on every node (the claims keep the nodes apart), and
 * every {@code trappen.escalation.poll-interval} escalates the deadlines due at the head and writes the heads' digests
 * ({@link HeadEscalation}; its conditional updates and unique keys keep the nodes apart). Off with
 * {@code trappen.notices.enabled: false}, as in the tests, which call {@link EscalationNotices#dispatchDue()},
 * {@link HeadEscalation#escalateDue()} and {@link HeadEscalation#writeDigests()}.
 */
@Slf4j
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "trappen.notices", name = "enabled", havingValue = "true", matchIfMissing = true)
class NoticeScheduling implements SchedulingConfigurer {

  private final EscalationNotices notices;
  private final NoticeProperties properties;
  private final HeadEscalation heads;
  private final EscalationProperties escalation;

  NoticeScheduling(EscalationNotices notices, NoticeProperties properties, HeadEscalation heads,
      EscalationProperties escalation) {
    this.notices = notices;
    this.properties = properties;
    this.heads = heads;
    this.escalation = escalation;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.getPollInterval(),
        properties.getPollInterval()));
    registrar.addFixedDelayTask(new FixedDelayTask(this::escalateToHeads, escalation.getPollInterval(),
        escalation.getPollInterval()));
  }

  private void poll() {
    try {
      notices.dispatchDue();
    } catch (RuntimeException e) {
      log.warn("Sending the team leaders' notices failed; next poll in {}: {}", properties.getPollInterval(),
          describe(e));
    }
  }

  private void escalateToHeads() {
    try {
      heads.escalateDue();
      heads.writeDigests();
    } catch (RuntimeException e) {
      log.warn("Escalating deadlines to the heads failed; next poll in {}: {}", escalation.getPollInterval(),
          describe(e));
    }
  }

  /**
   * A storage fault (disk full, database closed, also at a shutdown that closes H2 first) is named by its SQL state
   * only: the exception's text holds SQL; anything else by its text, which names the failing part.
   */
  private static String describe(RuntimeException e) {
    return StorageFaults.fault(e).map(f -> "the database cannot store or read: " + StorageFaults.describe(f))
        .orElse(e.toString());
  }
}
