package dk.trappen.outcomes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OutcomeProperties.class)
class OutcomeConfiguration {
}
