package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dk.trappen.TrappenApplication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

@DisplayName("A misconfiguration stops startup with a message naming the key")
class StartupValidationTest {

  /**
   * The Camunda webapps keep the last application context in a static field, so a second web server started in the
   * same JVM after a failed start would init their filters against the dead context; these tests don't need them.
   */
  private static final String WITHOUT_WEBAPPS = "--camunda.bpm.webapp.enabled=false";

  private static String startupFailure(String... properties) {
    String[] args = new String[properties.length + 2];
    args[0] = "--server.port=0";
    args[1] = WITHOUT_WEBAPPS;
    for (int i = 0; i < properties.length; i++) {
      args[i + 2] = "--" + properties[i];
    }
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TrappenApplication.class)
        .profiles("test")
        .run(args).close());
    assertThat(failure).as("startup should fail").isNotNull();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  @Test
  @DisplayName("a network meeting every P8W is refused, naming the key and the fix")
  void weekPeriod() {
    assertThat(startupFailure("trappen.deadlines.network-meeting.period=P8W"))
        .contains("trappen.deadlines.network-meeting.period").contains("P56D");
  }

  @Test
  @DisplayName("a document size limit of 0, or one Spring's multipart limit cuts off, is refused, naming the key")
  void documentLimits() {
    assertThat(startupFailure("trappen.documents.max-size=0")).contains("trappen.documents.max-size")
        .contains("more than 0 bytes");
    assertThat(startupFailure("trappen.documents.max-size=20 elephants")).contains("trappen.documents.max-size");
    assertThat(startupFailure("trappen.documents.max-size=30MB")).contains("spring.servlet.multipart.max-file-size")
        .contains("trappen.documents.max-size");
  }

  @Test
  @DisplayName("a staircase with two steps covering the same kind of help is refused, naming the key")
  void duplicateCoverage() {
    assertThat(startupFailure("trappen.staircase.steps[1].covers[0]=UNIVERSAL"))
        .contains("trappen.staircase.steps");
  }

  @Test
  @DisplayName("the postgres profile refuses to start while demo users exist, naming them")
  void postgresProfileRefusesDemoUsers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("trappen").toAbsolutePath();
    new SpringApplicationBuilder(TrappenApplication.class).profiles("demo", "test")
        .run("--server.port=0", WITHOUT_WEBAPPS, url, "--trappen.demo.enabled=true").close();
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TrappenApplication.class)
        .profiles("postgres", "test")
        .run("--server.port=0", WITHOUT_WEBAPPS, url, "--spring.datasource.username=sa", "--spring.datasource.password=")
        .close());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertThat(messages.toString()).contains("refuses to start while demo users exist")
        .contains("admin").contains("karen");
  }

  @Test
  @DisplayName("the postgres profile without its database in the environment stops, naming the variable")
  void postgresProfileNeedsItsDatabase() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TRAPPEN_DB_URL") == null
        && System.getenv("TRAPPEN_DB_USERNAME") == null && System.getenv("TRAPPEN_DB_PASSWORD") == null);
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TrappenApplication.class)
        .profiles("postgres")
        .run("--server.port=0", WITHOUT_WEBAPPS).close());
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertThat(messages.toString()).contains("spring.datasource.url (environment variable TRAPPEN_DB_URL)")
        .contains("TRAPPEN_DB_USERNAME").contains("TRAPPEN_DB_PASSWORD");
  }
}
