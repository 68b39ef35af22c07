package dk.trappen.figures;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Checks {@code trappen.figures} at start-up and stops the application with a message that starts with the offending
 * key (docs/configuration.md#figures).
 */
@Configuration
@EnableConfigurationProperties(FiguresProperties.class)
class FiguresConfiguration {

  static final String PREFIX = "trappen.figures";

  FiguresConfiguration(FiguresProperties properties) {
    check(properties);
  }

  static void check(FiguresProperties p) {
    if (p.getSatisfactionGoalPercent() < 0 || p.getSatisfactionGoalPercent() > 100) {
      throw new IllegalStateException(PREFIX + ".satisfaction-goal-percent: must be from 0 to 100, found "
          + p.getSatisfactionGoalPercent());
    }
    if (p.getStalledAfterMeetings() < 1) {
      throw new IllegalStateException(PREFIX + ".stalled-after-meetings: must be 1 or more, found "
          + p.getStalledAfterMeetings());
    }
    if (!(p.getWeightWithoutStep() > 0) || Double.isInfinite(p.getWeightWithoutStep())) {
      throw new IllegalStateException(PREFIX + ".weight-without-step: must be more than 0, found "
          + p.getWeightWithoutStep());
    }
    if (p.getKeepFor() == null || p.getKeepFor().isNegative()) {
      throw new IllegalStateException(PREFIX + ".keep-for: must be a duration of 0 or more (PT15M), found "
          + p.getKeepFor());
    }
    if (p.getWarmEvery() == null || p.getWarmEvery().isNegative()) {
      throw new IllegalStateException(PREFIX + ".warm-every: must be a duration of 0 or more (PT10M), found "
          + p.getWarmEvery());
    }
  }
}
