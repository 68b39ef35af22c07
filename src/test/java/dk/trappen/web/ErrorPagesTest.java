package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.api.TestStaff;
import dk.trappen.org.OrgService;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error pages on a real server (MockMvc does not forward to the error page): refusals and failures of the pages
 * are pages in the layout, in the user's language, without exception text; the API answers problem details, never
 * HTML; an unknown {@code lang} is ignored; the session keep-alive and what the layout tells session.js.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Error pages, problem details, the lang parameter and the session keep-alive")
class ErrorPagesTest {

  /** A page that fails, with a secret in its exception's message. */
  @TestConfiguration
  static class FailingPage {
    @Bean
    Boom boom() {
      return new Boom();
    }

    @Bean
    StorageFault storageFault() {
      return new StorageFault();
    }
  }

  @RestController
  static class Boom {
    @GetMapping("/test-only/boom")
    String boom() {
      throw new IllegalStateException("secret-detail-4711");
    }
  }

  /** A page and an API call whose database is closed (as H2 closes it after a write failed on a full disk). */
  @RestController
  static class StorageFault {
    @GetMapping({"/test-only/storage-fault", "/api/test-only/storage-fault"})
    String fail() {
      throw new DataAccessResourceFailureException("JDBC exception executing SQL [select secret-sql-4712]",
          new SQLNonTransientConnectionException("The database has been closed", "90098", 90098));
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  OrgService org;
  @Autowired
  PasswordEncoder encoder;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void staff() {
    TestStaff.ensure(org, encoder);
  }

  /** A browser of its own: cookies kept, redirects not followed. */
  final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html");
      for (int i = 0; i < headers.length; i += 2) {
        request.setHeader(headers[i], headers[i + 1]);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
      return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Browser signIn(String username) throws Exception {
      Document login = Jsoup.parse(get("/login").body());
      String csrf = login.select("input[name=_csrf]").val();
      HttpResponse<String> signedIn = post("/login", "username=" + username + "&password=" + TestStaff.PASSWORD
          + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
      return this;
    }

    Browser english() {
      HttpCookie lang = new HttpCookie("trappen-lang", "en");
      lang.setPath("/");
      cookies.getCookieStore().add(uri("/"), lang);
      return this;
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Document page(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    return Jsoup.parse(response.body());
  }

  /** What no error page may show: Spring's page, exception names, stack frames. */
  private static void noInternals(HttpResponse<String> response) {
    assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Exception").doesNotContain("at dk.trappen")
        .doesNotContain("at org.springframework").doesNotContain("trace");
  }

  @Test
  @DisplayName("a role on a page it may not open (intake on the oversight, a caseworker on the demo clock, the "
      + "administrator on the task list) gets a 403 page in the layout, with the menu, in Danish")
  void forbiddenPagesInTheLayout() throws Exception {
    String[][] cases = {{"ida", "/oversight"}, {"karen", "/admin/clock"}, {"admin", "/tasks"}};
    for (String[] c : cases) {
      HttpResponse<String> response = new Browser().signIn(c[0]).get(c[1]);
      assertThat(response.statusCode()).as(c[0] + " on " + c[1]).isEqualTo(403);
      Document html = page(response);
      assertThat(html.selectFirst("html").attr("lang")).isEqualTo("da");
      assertThat(html.title()).isEqualTo("Ingen adgang – Trappen");
      assertThat(html.select("h1").text()).isEqualTo("Ingen adgang");
      assertThat(html.select("header nav a")).as("the menu of " + c[0]).isNotEmpty();
      assertThat(html.select("header .who").text()).contains("Log ud");
      assertThat(html.select("main a[href=/]").text()).isEqualTo("Gå til forsiden");
      assertThat(html.select("main").text()).contains("Fejlkode: 403");
      noInternals(response);
    }
  }

  @Test
  @DisplayName("an unknown address gets a 404 page in the layout, in Danish and, with English chosen, in English")
  void unknownPage() throws Exception {
    HttpResponse<String> danish = new Browser().signIn("karen").get("/no-such-page");
    assertThat(danish.statusCode()).isEqualTo(404);
    Document html = page(danish);
    assertThat(html.select("h1").text()).isEqualTo("Siden blev ikke fundet");
    assertThat(html.select("header nav a").eachText()).contains("Mine opgaver");
    noInternals(danish);

    HttpResponse<String> english = new Browser().signIn("karen").english().get("/tasks/no/such/page");
    assertThat(english.statusCode()).isEqualTo(404);
    Document en = page(english);
    assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(en.title()).isEqualTo("Page not found – Trappen");
    assertThat(en.select("main a[href=/]").text()).isEqualTo("Go to the start page");
  }

  @Test
  @DisplayName("a page that fails answers 500 with an error page that shows neither the exception nor its message")
  void failingPage(CapturedOutput output) throws Exception {
    HttpResponse<String> response = new Browser().signIn("karen").get("/test-only/boom");
    assertThat(response.statusCode()).isEqualTo(500);
    Document html = page(response);
    assertThat(html.select("h1").text()).isEqualTo("Der opstod en fejl");
    assertThat(html.select("header nav a")).isNotEmpty();
    assertThat(response.body()).doesNotContain("secret-detail")
        .doesNotContain("IllegalStateException");
    noInternals(response);
    // (the failure itself is logged for the operators; the test only proves it reached the server)
    assertThat(output.getAll()).contains("secret-detail");
  }

  @Test
  @DisplayName("a request the database cannot serve answers 503 with a Retry-After: a page that says nothing was "
      + "saved, in Danish and English, and on the API a storage-unavailable problem detail; neither shows the SQL")
  void storageFault() throws Exception {
    HttpResponse<String> response = new Browser().signIn("karen").get("/test-only/storage-fault");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    Document html = page(response);
    assertThat(html.select("h1").text()).isEqualTo("Trappen kan ikke gemme lige nu");
    assertThat(html.select("main").text()).contains("ikke gemt");
    assertThat(response.body()).doesNotContain("secret-sql").doesNotContain("90098");
    noInternals(response);
    Document en = page(new Browser().signIn("karen").english().get("/test-only/storage-fault"));
    assertThat(en.select("h1").text()).isEqualTo("Trappen cannot save right now");

    HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/test-only/storage-fault"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("karen:" + TestStaff.PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(api.headers().firstValue("Retry-After")).isPresent();
    JsonNode problem = json.readTree(api.body());
    assertThat(problem.path("type").asText()).isEqualTo("https://trappen.dk/problems/storage-unavailable");
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(api.body()).doesNotContain("secret-sql").doesNotContain("Exception");
  }

  @Test
  @DisplayName("signed out, the error page has the minimal layout (no menu) and leads to the sign-in; a form sent "
      + "after the session ended is told so")
  void signedOutErrorPage() throws Exception {
    HttpResponse<String> error = new Browser().get("/error");
    assertThat(error.statusCode()).isEqualTo(500);
    Document html = page(error);
    assertThat(html.select("header nav")).isEmpty();
    assertThat(html.select("header .who")).isEmpty();
    assertThat(html.select("main a[href=/login]").text()).isEqualTo("Gå til log ind");
    assertThat(html.select("script[src*=session.js]")).isEmpty();
    noInternals(error);

    // a form posted without a session (so without its CSRF token): 403, saying the sign-in has ended
    HttpResponse<String> stale = new Browser().post("/tasks/some-task", "findings=Lang+tekst");
    assertThat(stale.statusCode()).isEqualTo(403);
    Document staleHtml = page(stale);
    assertThat(staleHtml.select("h1").text()).isEqualTo("Formularen er forældet");
    assertThat(staleHtml.select("main").text()).contains("ikke længere er logget ind");
    assertThat(staleHtml.select("main a[href=/login]")).isNotEmpty();
  }

  @Test
  @DisplayName("the API and the engine REST API answer refusals and unknown addresses with problem details, "
      + "never HTML, even when the caller asks for HTML")
  void apiGetsProblemDetails() throws Exception {
    String karen = "Basic " + Base64.getEncoder().encodeToString(("karen:" + TestStaff.PASSWORD).getBytes());
    Object[][] cases = {
        {"/api/tasks", null, 401},
        {"/api/cases/2027-000001/audit", karen, 403},
        {"/api/no-such-resource", karen, 404},
        {"/engine-rest/engine", null, 401},
        {"/engine-rest/engine", karen, 403}};
    for (Object[] c : cases) {
      for (String accept : new String[] {"text/html,application/xhtml+xml,*/*;q=0.8", "application/json"}) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri((String) c[0])).GET().header("Accept", accept);
        if (c[1] != null) {
          request.header("Authorization", (String) c[1]);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
            HttpResponse.BodyHandlers.ofString());
        String where = c[0] + (c[1] == null ? " anonymous" : " as karen") + ", Accept " + accept;
        assertThat(response.statusCode()).as(where).isEqualTo(c[2]);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(where)
            .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(where).isEqualTo(c[2]);
        assertThat(problem.path("title").asText()).as(where).isNotBlank();
        assertThat(response.body()).as(where).doesNotContain("<html").doesNotContain("Exception");
      }
    }
  }

  @Test
  @DisplayName("an unknown or malformed ?lang= is ignored (Danish stays, no 500, no stack trace); ?lang=en still "
      + "switches to English")
  void invalidLanguageIgnored(CapturedOutput output) throws Exception {
    int before = output.getAll().length();
    for (String lang : new String[] {"xx%3Cscript%3E", "xx", "de", "%00", "en_GB_x_%22", ""}) {
      Browser browser = new Browser();
      HttpResponse<String> response = browser.get("/login?lang=" + lang);
      assertThat(response.statusCode()).as("lang=" + lang).isEqualTo(200);
      Document html = page(response);
      assertThat(html.selectFirst("html").attr("lang")).as("lang=" + lang).isEqualTo("da");
      assertThat(html.select("h1").text()).isEqualTo("Log ind");
      assertThat(browser.cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName)
          .doesNotContain("trappen-lang");
    }
    assertThat(output.getAll().substring(before)).doesNotContain("IllegalArgumentException")
        .doesNotContain("Locale part");

    Browser english = new Browser();
    assertThat(page(english.get("/login?lang=en")).select("h1").text()).isEqualTo("Sign in");
    // and a later invalid value leaves the chosen language as it was
    assertThat(page(english.get("/login?lang=xx%3Cscript%3E")).select("h1").text()).isEqualTo("Sign in");
  }

  @Test
  @DisplayName("the keep-alive answers 204 to a signed-in user and sends a signed-out caller to the sign-in, "
      + "without making itself the page to return to")
  void keepAlive() throws Exception {
    HttpResponse<String> alive = new Browser().signIn("karen").get("/session/keep-alive");
    assertThat(alive.statusCode()).isEqualTo(204);
    assertThat(alive.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

    Browser signedOut = new Browser();
    HttpResponse<String> refused = signedOut.get("/session/keep-alive", "X-Requested-With", "XMLHttpRequest",
        "Accept", "application/json");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login");
    // the form page opened after it is where the sign-in returns to
    signedOut.get("/tasks/some-task");
    Document login = Jsoup.parse(signedOut.get("/login").body());
    HttpResponse<String> signedIn = signedOut.post("/login", "username=karen&password=" + TestStaff.PASSWORD
        + "&_csrf=" + URLEncoder.encode(login.select("input[name=_csrf]").val(), StandardCharsets.UTF_8));
    assertThat(signedIn.headers().firstValue("Location").orElse("")).contains("/tasks/some-task");
  }

  @Test
  @DisplayName("a signed-in page tells session.js its session's timeout (30 minutes), the warning's lead "
      + "(2 minutes) and the keep-alive, and carries the hidden warning banner; the sign-in page does not")
  void layoutTellsTheSessionTimes() throws Exception {
    Document tasks = page(new Browser().signIn("karen").get("/tasks"));
    assertThat(tasks.select("meta[name=trappen-session-timeout]").attr("content")).isEqualTo("1800");
    assertThat(tasks.select("meta[name=trappen-session-warn]").attr("content")).isEqualTo("120");
    assertThat(tasks.select("meta[name=trappen-session-keep-alive]").attr("content")).isEqualTo("/session/keep-alive");
    assertThat(tasks.select("script[src=/js/session.js]")).hasSize(1);
    assertThat(tasks.select("#session-warning[role=alert][hidden]")).hasSize(1);
    assertThat(tasks.select("#session-stay").text()).isEqualTo("Forbliv logget ind");

    Document login = page(new Browser().get("/login"));
    assertThat(login.select("meta[name^=trappen-session]")).isEmpty();
    assertThat(login.select("#session-warning")).isEmpty();
  }
}
