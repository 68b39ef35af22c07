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
 * Polls the outbox every {@code trappen.notices.poll-interval} on every node (the claims keep the nodes apart). Off
 * with {@code trappen.notices.enabled: false}, as in the tests, which call {@link EscalationNotices#dispatchDue()}.
 */
@Slf4j
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "trappen.notices", name = "enabled", havingValue = "true", matchIfMissing = true)
class NoticeScheduling implements SchedulingConfigurer {

  private final EscalationNotices notices;
  private final NoticeProperties properties;

  NoticeScheduling(EscalationNotices notices, NoticeProperties properties) {
    this.notices = notices;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.getPollInterval(),
        properties.getPollInterval()));
  }

  private void poll() {
    try {
      notices.dispatchDue();
    } catch (RuntimeException e) {
      // a storage fault (disk full, database closed, also at a shutdown that closes H2 first) is named by its SQL
      // state only: the exception's text holds SQL; anything else by its text, which names the failing part
      log.warn("Sending the team leaders' notices failed; next poll in {}: {}", properties.getPollInterval(),
          StorageFaults.fault(e).map(f -> "the database cannot store or read: " + StorageFaults.describe(f))
              .orElse(e.toString()));
    }
  }
}
