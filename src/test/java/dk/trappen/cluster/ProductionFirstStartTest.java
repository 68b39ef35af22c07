package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.testsupport.TestPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Finding 1, replayed as it was found: a fresh production ({@code postgres}) start on an empty PostgreSQL database,
 * in its own JVM, and a stranger with no credentials who takes the webapps' XSRF cookie and asks Camunda's first-user
 * setup for an administrator, then tries to deploy code. Both are refused and the engine has no user.
 */
@DisplayName("A fresh production start gives a stranger no Camunda administrator and no deployment")
class ProductionFirstStartTest {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

  private static TestPostgres postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  @DisplayName("the anonymous first-user setup and an anonymous deployment are refused, and no engine user exists")
  void noFirstUserSetup() throws Exception {
    String url = postgres.createDatabase("firststart");
    ClusterNodeProcess node = ClusterNodeProcess.start("firststart", url, postgres.username());
    try {
      long deadline = System.currentTimeMillis() + 180_000;
      while (!node.started() && node.alive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(500);
      }
      assertThat(node.started()).as(node.output()).isTrue();
      Matcher port = PORT.matcher(node.output());
      assertThat(port.find()).isTrue();
      String base = "http://localhost:" + port.group(1);
      HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).build();

      // the webapps send a stranger to Trappen's sign-in, without a CSRF cookie of their own
      HttpResponse<String> cockpit = stranger.send(HttpRequest.newBuilder(URI.create(base
          + "/camunda/app/cockpit/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(cockpit.statusCode()).isEqualTo(302);
      assertThat(cockpit.headers().firstValue("Location").orElse("")).endsWith("/login");

      String user = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@x.dk\"},"
          + "\"credentials\":{\"password\":\"Mallory-2026-x\"}}";
      HttpResponse<String> setup = stranger.send(HttpRequest.newBuilder(URI.create(base
              + "/camunda/api/admin/setup/default/user/create"))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "guess")
          .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(setup.statusCode()).isEqualTo(401);

      HttpResponse<String> deploy = stranger.send(HttpRequest.newBuilder(URI.create(base
              + "/engine-rest/deployment/create"))
          .header("Content-Type", "multipart/form-data; boundary=b")
          .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"x\"; "
              + "filename=\"x.bpmn\"\r\n\r\n<x/>\r\n--b--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(deploy.statusCode()).isEqualTo(401);

      try (Connection c = DriverManager.getConnection(url, postgres.username(), "");
           ResultSet users = c.createStatement().executeQuery("select count(*) from act_id_user")) {
        users.next();
        assertThat(users.getLong(1)).as("engine users").isZero();
      }
    } finally {
      node.stop();
    }
  }
}
