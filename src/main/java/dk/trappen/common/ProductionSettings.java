package dk.trappen.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The postgres profile's required settings are there before anything connects: a missing {@code TRAPPEN_DB_URL},
 * {@code TRAPPEN_DB_USERNAME} or {@code TRAPPEN_DB_PASSWORD} stops startup with a message naming the variable and
 * the key, rather than a driver's complaint about the literal text {@code ${TRAPPEN_DB_URL}} (Spring's binder leaves
 * an unresolvable placeholder as it is). Registered in {@code META-INF/spring.factories}.
 */
public class ProductionSettings implements EnvironmentPostProcessor, Ordered {

  private static final Map<String, String> REQUIRED = Map.of(
      "spring.datasource.url", "TRAPPEN_DB_URL",
      "spring.datasource.username", "TRAPPEN_DB_USERNAME",
      "spring.datasource.password", "TRAPPEN_DB_PASSWORD");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      return;
    }
    List<String> missing = new ArrayList<>();
    REQUIRED.forEach((key, variable) -> {
      try {
        environment.getProperty(key);
      } catch (IllegalArgumentException unresolved) {
        missing.add(key + " (environment variable " + variable + ")");
      }
    });
    if (!missing.isEmpty()) {
      missing.sort(null);
      throw new IllegalStateException("The postgres profile needs " + String.join(", ", missing)
          + ": set them before starting (docs/production.md)");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
