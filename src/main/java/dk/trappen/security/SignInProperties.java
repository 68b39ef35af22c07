package dk.trappen.security;

import java.time.Duration;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How sign-in is slowed after failures ({@code trappen.security.sign-in.*}; see config/application.yml). */
@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.security.sign-in")
public class SignInProperties {
  /** Failures for one user name within {@link #window} that lock the name. */
  private int maxFailuresPerUser = 5;
  /** Failures from one client address within {@link #window} that lock the address (for every user name). */
  private int maxFailuresPerAddress = 20;
  /** How far back failures count. */
  private Duration window = Duration.ofMinutes(15);
  /** How long a lock lasts. */
  private Duration lockFor = Duration.ofMinutes(15);
  /**
   * HTTP Basic authenticates every API request: a successful Basic sign-in is recorded once per user name and client
   * address within this interval (per node), not once per request. Failures are always recorded.
   */
  private Duration basicSuccessAuditInterval = Duration.ofMinutes(5);
}
