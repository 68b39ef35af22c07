package dk.trappen.testsupport;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the test suite on PostgreSQL when the JVM has {@code -Dtrappen.test.database=postgres} (the Maven profile
 * {@code postgres-tests}, used by {@code .ci/run}): every test context that would get its own in-memory H2 database
 * ({@code config/application-test.yml}) gets its own new database on one real PostgreSQL server instead
 * ({@link TestPostgres}). Contexts that name another database (an H2 file in a startup test) keep it.
 */
public class PostgresTestDatabases implements EnvironmentPostProcessor, Ordered {

  public static final String SWITCH = "trappen.test.database";

  public static boolean enabled() {
    return "postgres".equalsIgnoreCase(System.getProperty(SWITCH, ""));
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!enabled()) {
      return;
    }
    String url;
    try {
      url = environment.getProperty("spring.datasource.url", "");
    } catch (IllegalArgumentException unresolved) {
      return; // a test of the missing-setting message
    }
    if (!url.startsWith("jdbc:h2:mem:")) {
      return;
    }
    TestPostgres server = TestPostgres.shared();
    environment.getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
        "spring.datasource.url", server.createDatabase("trappen_test"),
        "spring.datasource.username", server.username(),
        "spring.datasource.password", "",
        "spring.datasource.driver-class-name", "org.postgresql.Driver",
        // many cached test contexts share the server's 400 connections
        "spring.datasource.hikari.maximum-pool-size", "6",
        "spring.datasource.hikari.minimum-idle", "1")));
  }

  @Override
  public int getOrder() {
    // after the config files are read (ConfigDataEnvironmentPostProcessor), so the H2 URL of the test profile is seen
    return Ordered.LOWEST_PRECEDENCE;
  }
}
