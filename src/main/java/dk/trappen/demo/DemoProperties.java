package dk.trappen.demo;

import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.demo")
public class DemoProperties {
  /** Create the demo teams, users and cases on first start. */
  private boolean enabled;
  /** The password of every demo user. */
  private String password = "demo";
}
