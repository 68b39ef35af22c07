package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.api.TestStaff;
import dk.trappen.audit.AuditService;
import dk.trappen.org.OrgService;
import dk.trappen.testsupport.JourneySeeder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finding 15: behind the TLS proxy every audit row's source would be the proxy's address, and trusting
 * X-Forwarded-For from anyone would let a client choose its own. The header is trusted from the configured proxy
 * only ({@code trappen.security.trusted-proxies}).
 */
@DisplayName("X-Forwarded-For is trusted from the configured proxy only")
class ForwardedHeadersTest {

  abstract static class Base {
    @Autowired
    private AuditService audit;
    @Autowired
    private OrgService org;
    @Autowired
    private PasswordEncoder encoder;
    @LocalServerPort
    private int port;

    @BeforeEach
    void staff() {
      TestStaff.ensure(org, encoder);
    }

    /** The audited source of a notification registered with this X-Forwarded-For header. */
    String auditedSource(String forwardedFor, int serial) throws Exception {
      Instant before = Instant.now().minusSeconds(1);
      String body = """
          {"child":{"cpr":"%s","firstName":"Ea","lastName":"Holm","birthDate":"2014-04-04"},
           "notifierKind":"SCHOOL","notifierOrganisation":"Skolen","concern":"Bekymring",
           "receivedAt":"%s","team":"nord"}""".formatted(JourneySeeder.cpr(LocalDate.of(2014, 4, 4), serial),
          Instant.now().minus(1, ChronoUnit.HOURS));
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/notifications"))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json")
          .header("X-Forwarded-For", forwardedFor)
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("ida:" + TestStaff.PASSWORD)
              .getBytes(StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      List<String> sources = audit.between(before, Instant.now().plusSeconds(1)).stream()
          .filter(v -> "ida".equals(v.username())).map(AuditService.AuditView::source).distinct().toList();
      assertThat(sources).hasSize(1);
      return sources.get(0);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = "trappen.security.trusted-proxies=10\\.9\\.8\\.7")
  @ActiveProfiles("test")
  @DisplayName("from an address that is not the configured proxy")
  class FromAnyoneElse extends Base {
    @Test
    @DisplayName("the header is ignored: the audit names the real client")
    void ignored() throws Exception {
      assertThat(auditedSource("203.0.113.9", 801)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = "trappen.security.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
  @ActiveProfiles("test")
  @DisplayName("from the configured proxy")
  class FromTheProxy extends Base {
    @Test
    @DisplayName("the header names the client in the audit")
    void trusted() throws Exception {
      assertThat(auditedSource("203.0.113.9", 802)).isEqualTo("203.0.113.9");
    }
  }
}
