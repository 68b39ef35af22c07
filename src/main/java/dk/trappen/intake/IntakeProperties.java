package dk.trappen.intake;

import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.intake")
public class IntakeProperties {
  /** The team a new case goes to when the notification names none; unset means the team is required. */
  private String defaultTeam;
}
