package dk.trappen.letters;

import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every node polls the letters' outbox every {@code trappen.letters.poll-interval} (the claims keep the nodes apart).
 * Off with {@code trappen.letters.dispatch-enabled: false}, as in the tests, which call
 * {@link LetterDispatcher#dispatchDue()} themselves.
 */
@Slf4j
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "trappen.letters", name = "dispatch-enabled", havingValue = "true",
    matchIfMissing = true)
class LetterScheduling implements SchedulingConfigurer {

  private final LetterDispatcher dispatcher;
  private final LettersProperties properties;

  LetterScheduling(LetterDispatcher dispatcher, LettersProperties properties) {
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::poll, properties.getPollInterval(),
        properties.getPollInterval()));
  }

  private void poll() {
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      log.warn("Sending letters failed; next poll in {}: {}", properties.getPollInterval(), e.toString());
    }
  }
}
