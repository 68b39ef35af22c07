package dk.trappen.figures;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code trappen.figures.warm-every} each node computes the team leaders' and heads' default figures ahead of
 * their requests ({@link FiguresService#warmUp()}), the first time a minute after start-up. Off when warm-every or
 * keep-for is 0 (as in the tests).
 */
@Slf4j
@Configuration
@EnableScheduling
class FiguresWarmUp implements SchedulingConfigurer {

  private final FiguresService figures;
  private final FiguresProperties properties;

  FiguresWarmUp(FiguresService figures, FiguresProperties properties) {
    this.figures = figures;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (properties.getWarmEvery().isZero() || properties.getKeepFor().isZero()) {
      return;
    }
    registrar.addFixedDelayTask(new FixedDelayTask(this::warm, properties.getWarmEvery(),
        java.time.Duration.ofMinutes(1)));
  }

  private void warm() {
    long started = System.nanoTime();
    try {
      int sets = figures.warmUp();
      log.info("Figures computed ahead for {} set(s) of teams in {} ms", sets,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("Computing the figures ahead failed; they are computed on request instead", e);
    }
  }
}
