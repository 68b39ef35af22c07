package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A refusal is a code with arguments; the API says it in English unless the client asks for Danish. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The language of the API's refusals")
class ProblemLanguageApiTest extends ApiTestSupport {

  private Map<String, Object> notificationReceivedTomorrow() {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", "2909114517", "firstName", "Maja", "lastName", "Berg", "birthDate", "2011-09-29"));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", "Bekymring");
    n.put("receivedAt", now().plus(Duration.ofDays(1)).toString());
    n.put("team", "nord");
    return n;
  }

  private static JsonNode problem(Response r, String field) {
    for (JsonNode p : r.body().path("problems")) {
      if (p.path("field").asText().equals(field)) {
        return p;
      }
    }
    throw new AssertionError("no problem with " + field + " in " + r.body());
  }

  @Test
  @DisplayName("a constraint's refusal is English by default and Danish with Accept-Language: da, with the same code")
  void constraintRefusalInBothLanguages() throws Exception {
    Response english = postJson("ida", "/api/notifications", notificationReceivedTomorrow());
    Response danish = postJson("ida", "/api/notifications", notificationReceivedTomorrow(),
        Map.of("Accept-Language", "da"));
    Response french = postJson("ida", "/api/notifications", notificationReceivedTomorrow(),
        Map.of("Accept-Language", "fr-FR, fr;q=0.9"));

    assertThat(english.status()).isEqualTo(400);
    assertThat(english.body().path("errors").path("receivedAt").asText()).isEqualTo("cannot be in the future");
    assertThat(english.body().path("detail").asText()).isEqualTo("receivedAt: cannot be in the future");
    assertThat(danish.status()).isEqualTo(400);
    assertThat(danish.body().path("errors").path("receivedAt").asText()).isEqualTo("Må ikke ligge i fremtiden.");
    assertThat(danish.body().path("detail").asText()).isEqualTo("receivedAt: Må ikke ligge i fremtiden.");
    assertThat(french.body().path("errors")).isEqualTo(english.body().path("errors"));

    JsonNode en = problem(english, "receivedAt");
    JsonNode da = problem(danish, "receivedAt");
    assertThat(en.path("code").asText()).isEqualTo("problem.notFuture");
    assertThat(da.path("code").asText()).isEqualTo("problem.notFuture");
    assertThat(en.path("arguments").isArray()).isTrue();
    assertThat(en.path("message").asText()).isEqualTo("cannot be in the future");
    assertThat(da.path("message").asText()).isEqualTo("Må ikke ligge i fremtiden.");
  }

  @Test
  @DisplayName("a service's refusal carries its arguments, and every problem names its field and code")
  void serviceRefusalWithArguments() throws Exception {
    Map<String, Object> n = notificationReceivedTomorrow();
    n.put("receivedAt", now().minus(Duration.ofHours(1)).toString());
    n.put("team", "nowhere");
    n.put("child", Map.of("cpr", "2909114517", "firstName", "Maja", "lastName", "Berg", "birthDate", "2011-09-30"));
    Response english = postJson("ida", "/api/notifications", n);
    Response danish = postJson("ida", "/api/notifications", n, Map.of("Accept-Language", "da-DK,en;q=0.5"));

    assertThat(english.status()).isEqualTo(400);
    assertThat(english.body().path("errors").path("team").asText()).isEqualTo("no team 'nowhere'");
    assertThat(english.body().path("errors").path("child.cpr").asText())
        .isEqualTo("does not match child.birthDate 2011-09-30");
    assertThat(danish.body().path("errors").path("team").asText()).isEqualTo("Teamet findes ikke.");
    assertThat(danish.body().path("errors").path("child.cpr").asText()).isEqualTo("Passer ikke med fødselsdatoen.");
    JsonNode team = problem(english, "team");
    assertThat(team.path("code").asText()).isEqualTo("problem.intake.unknownTeam");
    assertThat(team.path("arguments")).hasSize(1);
    assertThat(team.path("arguments").get(0).asText()).isEqualTo("nowhere");
    for (Response r : new Response[] {english, danish}) {
      assertThat(r.body().path("problems")).hasSize(r.body().path("errors").size());
      for (JsonNode p : r.body().path("problems")) {
        assertThat(p.path("field").asText()).isNotBlank();
        assertThat(p.path("code").asText()).startsWith("problem.");
        assertThat(p.path("message").asText()).isEqualTo(r.body().path("errors").path(p.path("field").asText())
            .asText());
      }
    }
  }

  @Test
  @DisplayName("a body that cannot be read is refused with a code too, in the language asked for")
  void unreadableBodyInDanish() throws Exception {
    Map<String, Object> n = notificationReceivedTomorrow();
    n.put("notifierKind", "ALIEN");
    Response english = postJson("ida", "/api/notifications", n);
    Response danish = postJson("ida", "/api/notifications", n, Map.of("Accept-Language", "da"));
    assertThat(english.status()).isEqualTo(400);
    assertThat(english.body().path("errors").path("notifierKind").asText())
        .startsWith("has the wrong format: 'ALIEN' is not a valid NotifierKind (one of [");
    assertThat(danish.status()).isEqualTo(400);
    assertThat(danish.body().path("errors").path("notifierKind").asText()).isEqualTo("Har ikke et gyldigt format.");
    JsonNode problem = problem(danish, "notifierKind");
    assertThat(problem.path("code").asText()).isEqualTo("problem.json.notOneOf");
    assertThat(problem.path("arguments").get(0).asText()).isEqualTo("ALIEN");
  }
}
