package dk.trappen.security;

import dk.trappen.api.TestStaff;
import dk.trappen.org.OrgService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The security tests: MockMvc for the Spring MVC routes, and a real server (random port) for what MockMvc cannot
 * reach: the engine REST API (Jersey) and the Camunda webapps are other servlets, and their security depends on
 * matching their paths, which only a real request shows. Staff as in the API tests (password "pw"): ida intake, karen
 * and lars caseworkers of nord, sofie of syd, birgitte and henrik team leaders, admin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// metrics as in production (Spring Boot's tests switch their export off), so that /actuator/prometheus exists
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
abstract class SecurityTestSupport {

  static final String PASSWORD = TestStaff.PASSWORD;

  @Autowired
  protected MockMvc mvc;
  @Autowired
  protected OrgService org;
  @Autowired
  private PasswordEncoder encoder;
  @LocalServerPort
  protected int port;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void staff() {
    TestStaff.ensure(org, encoder);
  }

  /** A real HTTP request to the running server; user null is anonymous, otherwise HTTP Basic. */
  protected HttpResponse<String> send(String method, String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Accept", "application/json");
    if (!method.equals("GET") && !method.equals("DELETE")) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A browser-like client: cookies kept, redirects not followed, the webapps' CSRF token sent on writes. */
  protected final class Session {

    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private String lastLocation = "";

    String lastLocation() {
      return lastLocation;
    }

    HttpResponse<String> send(String method, String path) throws Exception {
      return sendJson(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");
    }

    /** A request with this JSON body (null: none). */
    HttpResponse<String> sendJson(String method, String path, String body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .header("Accept", "application/json");
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      lastLocation = response.headers().firstValue("Location").orElse("");
      return response;
    }

    /** Signs in through Trappen's sign-in form. */
    Session signIn(String username) throws Exception {
      String page = send("GET", "/login").body();
      java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
          .matcher(page);
      if (!token.find()) {
        throw new IllegalStateException("no CSRF token on the sign-in page");
      }
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
              + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD + "&_csrf="
              + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
        throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " "
            + response.headers().firstValue("Location").orElse(""));
      }
      return this;
    }
  }

  /** A new session signed in as the user through the sign-in form. */
  protected Session signIn(String username) throws Exception {
    return new Session().signIn(username);
  }
}
