package dk.trappen.staircase;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(StaircaseProperties.class)
class StaircaseConfiguration {
}
