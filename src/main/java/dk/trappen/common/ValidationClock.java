package dk.trappen.common;

import java.time.Clock;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bean Validation's @Past/@Future read the application clock, so they move with the demo clock and the tests. */
@Configuration
class ValidationClock {

  @Bean
  ValidationConfigurationCustomizer applicationClockForValidation(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }
}
