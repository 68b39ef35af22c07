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

  /** An anonymous GET to the running server that follows redirects (the webapps redirect to their engine). */
  protected HttpResponse<String> getFollowing(String path) throws Exception {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
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
}
