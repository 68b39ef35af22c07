package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.TrappenApplication;
import dk.trappen.api.TestStaff;
import dk.trappen.org.OrgService;
import dk.trappen.testsupport.JourneySeeder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the tests that run Trappen as a child JVM and send it notifications share: the shipped H2 URL, the test staff
 * seeded into a database, waiting for a node to start, and the intake requests (as ida, password {@code pw}).
 */
final class IntakeNodes {

  static final String USER = "ida";
  private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
  private static final Pattern SHIPPED_H2_URL = Pattern.compile("url: (jdbc:h2:file:\\./data/trappen\\S*)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private IntakeNodes() {
  }

  /** The datasource URL of config/application.yml, with its file moved to the given path (e.g. a test's temp dir). */
  static String shippedH2Url(Path file) throws IOException {
    Matcher url = SHIPPED_H2_URL.matcher(Files.readString(Path.of("config", "application.yml")));
    assertThat(url.find()).as("the H2 file URL in config/application.yml").isTrue();
    return url.group(1).replace("./data/trappen", file.toString());
  }

  /** The test staff (ida signs in with "pw") created through the application's services, in this JVM, then closed. */
  static void seedStaff(String url, String user, String profile) {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrappenApplication.class).run(
        "--spring.profiles.active=" + profile,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=",
        "--trappen.demo.enabled=false",
        "--trappen.node-name=seeder",
        "--camunda.bpm.job-execution.enabled=false",
        "--trappen.notices.enabled=false",
        // the webapps keep a static servlet context: one per JVM
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=0")) {
      TestStaff.ensure(app.getBean(OrgService.class), app.getBean(PasswordEncoder.class));
    }
  }

  /** Waits (at most 3 minutes) until the node has started. */
  static ClusterNodeProcess started(ClusterNodeProcess node) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!node.started() && node.alive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(node.started()).as(node.name + " started" + tail(node)).isTrue();
    return node;
  }

  /** The node's base URL, from the port in its log. */
  static String base(ClusterNodeProcess node) {
    Matcher port = PORT.matcher(node.output());
    assertThat(port.find()).as("port in the log of " + node.name).isTrue();
    return "http://localhost:" + port.group(1);
  }

  static HttpResponse<String> postNotification(HttpClient http, String base, String key, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/api/notifications"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", basic())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TestStaff.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A notification about its own child (a new case each), as NotificationApiTest sends them. */
  static String notification(LocalDate born, int serial, Instant receivedAt) throws IOException {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("child", Map.of("cpr", JourneySeeder.cpr(born, serial), "firstName", "Maja", "lastName", "Berg",
        "birthDate", born.toString()));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", "Bekymring " + serial);
    n.put("receivedAt", receivedAt.toString());
    n.put("team", "nord");
    return JSON.writeValueAsString(n);
  }

  static String tail(ClusterNodeProcess node) {
    String out = node.output();
    return "\n--- " + node.name + " (alive " + node.alive() + ") ---\n" + out.substring(Math.max(0, out.length() - 4000));
  }
}
