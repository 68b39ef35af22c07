package dk.trappen.deadlines;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({DeadlineProperties.class, NoticeProperties.class, EscalationProperties.class})
class DeadlineConfiguration {

  @Bean
  Clock clock(DeadlineRules rules) {
    return new ApplicationClock(rules.zone());
  }
}
