package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

@DisplayName("Pages carry the security headers and refuse forged posts")
class PageHeadersTest extends SecurityTestSupport {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

  @Autowired
  private ObjectMapper json;
  @Autowired
  private org.camunda.bpm.engine.ProcessEngine processEngine;

  @Test
  @DisplayName("every page response, signed in or not, carries the Content-Security-Policy, frame denial, "
      + "same-origin referrers and nosniff")
  void headersOnEveryPage() throws Exception {
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("/login", null);
    pages.put("/", "karen");
    pages.put("/tasks", "karen");
    pages.put("/intake", "ida");
    pages.put("/oversight", "birgitte");
    pages.put("/admin/clock", "admin");
    pages.put("/cases/2027-999999", "karen");
    pages.put("/tasks/no-such-task", "karen");
    pages.put("/admin/clock ", "karen");
    pages.put("/tasks ", null);
    List<String> failures = new ArrayList<>();
    for (var page : pages.entrySet()) {
      var request = get(page.getKey().trim());
      if (page.getValue() != null) {
        request.with(user(page.getValue()).roles(org.member(page.getValue()).orElseThrow().role().name()));
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      String where = page.getKey() + " as " + page.getValue() + " (" + response.getStatus() + ")";
      check(failures, where, "Content-Security-Policy", response.getHeader("Content-Security-Policy"), CSP);
      check(failures, where, "X-Frame-Options", response.getHeader("X-Frame-Options"), "DENY");
      check(failures, where, "Referrer-Policy", response.getHeader("Referrer-Policy"), "same-origin");
      check(failures, where, "X-Content-Type-Options", response.getHeader("X-Content-Type-Options"), "nosniff");
    }
    assertThat(failures).isEmpty();
  }

  private static void check(List<String> failures, String where, String header, String actual, String expected) {
    if (!expected.equals(actual)) {
      failures.add(where + ": " + header + " was " + actual);
    }
  }

  @Test
  @DisplayName("the policy allows no inline script or style, and the layout turns off htmx's injected style")
  void noInlineScriptsOrStyles() throws Exception {
    assertThat(SecurityConfiguration.PAGE_CSP).isEqualTo(CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    String html = mvc.perform(get("/tasks").with(user("karen").roles("CASEWORKER"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(html).contains("name=\"htmx-config\"").contains("\"includeIndicatorStyles\": false");
    assertThat(html).doesNotContain(" style=\"").doesNotContain(" onclick=");
    assertThat(html.replaceAll("<script[^>]*src=[^>]*></script>", "")).doesNotContain("<script>");
  }

  @Test
  @DisplayName("a state-changing page post without a CSRF token is refused (403), with one it passes the check")
  void forgedPosts() throws Exception {
    for (var post : List.of(
        new String[] {"/tasks/no-such-task/claim", "karen", "CASEWORKER"},
        new String[] {"/intake", "ida", "INTAKE"},
        new String[] {"/oversight/reassign-tasks", "birgitte", "TEAM_LEADER"},
        new String[] {"/admin/clock", "admin", "ADMIN"},
        new String[] {"/logout", "karen", "CASEWORKER"})) {
      int status = mvc.perform(post(post[0]).with(user(post[1]).roles(post[2]))).andReturn().getResponse().getStatus();
      assertThat(status).as("POST " + post[0] + " without a token").isEqualTo(403);
      int invalid = mvc.perform(post(post[0]).with(user(post[1]).roles(post[2])).with(csrf().useInvalidToken()))
          .andReturn().getResponse().getStatus();
      assertThat(invalid).as("POST " + post[0] + " with a wrong token").isEqualTo(403);
    }
    int withToken = mvc.perform(post("/logout").with(user("karen").roles("CASEWORKER")).with(csrf()))
        .andReturn().getResponse().getStatus();
    assertThat(withToken).isEqualTo(302);
  }

  @Test
  @DisplayName("the stateless API needs no CSRF token and creates no session")
  void apiStateless() throws Exception {
    var result = mvc.perform(get("/api/tasks").with(httpBasic("karen", PASSWORD))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getRequest().getSession(false)).isNull();
    assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
  }

  @Test
  @DisplayName("an API body over 256 KB is refused with 413 and a problem detail naming the limit")
  void bodyLimit() throws Exception {
    String big = "{\"concern\":\"" + "x".repeat(300 * 1024) + "\"}";
    MockHttpServletResponse response = mvc.perform(post("/api/notifications").with(httpBasic("ida", PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(big)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getContentAsString());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("limit").asLong()).isEqualTo(256 * 1024);
    assertThat(problem.path("detail").asText()).contains("262144 bytes");
    assertThat(problem.path("type").asText()).isEqualTo("https://trappen.dk/problems/payload-too-large");

    // anonymous callers learn nothing about the limit
    assertThat(mvc.perform(post("/api/notifications").contentType(MediaType.APPLICATION_JSON).content(big))
        .andReturn().getResponse().getStatus()).isEqualTo(401);
    // a body under the limit reaches the controller (400: the notification is incomplete)
    assertThat(mvc.perform(post("/api/notifications").with(httpBasic("ida", PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content("{\"concern\":\"" + "x".repeat(1024) + "\"}"))
        .andReturn().getResponse().getStatus()).isEqualTo(400);
  }

  @Test
  @DisplayName("a chunked API body over the limit (no Content-Length) is refused with 413 on a real server")
  void chunkedBodyLimit() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/api/notifications"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("ida:" + PASSWORD).getBytes()))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(("{\"concern\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes())))
        .build();
    HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("262144");
  }

  @Test
  @DisplayName("the session cookie is HttpOnly and SameSite=Lax (Secure only with TLS or trappen.security.secure-cookies)")
  void sessionCookie() throws Exception {
    HttpResponse<String> login = send("GET", "/login", null);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
  }

  @Test
  @DisplayName("the Camunda webapps keep their own nonce-based policy (one policy, no second one from us) and "
      + "frame denial")
  void camundaHeaders() throws Exception {
    // (an administrator signed in to Trappen: anyone else is sent to Trappen's sign-in page)
    HttpResponse<String> welcome = signIn("admin").send("GET", "/camunda/app/welcome/" + processEngine.getName() + "/");
    assertThat(welcome.statusCode()).isEqualTo(200);
    List<String> policies = welcome.headers().allValues("Content-Security-Policy");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).contains("'nonce-").contains("frame-ancestors 'none'");
    assertThat(welcome.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    // its inline bootstrap script carries the nonce the policy allows
    String nonce = policies.get(0).replaceAll(".*'nonce-([^']+)'.*", "$1");
    var scripts = java.util.regex.Pattern.compile("<script[^>]*>").matcher(welcome.body()).results()
        .map(java.util.regex.MatchResult::group).toList();
    assertThat(scripts).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));
  }
}
