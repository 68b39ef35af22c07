package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Tasks go to the person who has the case, and the task list shows mine, the team's unassigned, or both. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("A case's next task goes to its caseworker, and the task list filters mine and the team's")
class TaskRoutingApiTest extends ApiTestSupport {

  private List<String> kindsOn(String user, String scope, String caseNumber) throws Exception {
    List<String> kinds = new ArrayList<>();
    for (int page = 0; ; page++) {
      Response r = getJson(user, "/api/tasks?size=200&scope=" + scope + "&page=" + page);
      assertThat(r.status()).isEqualTo(200);
      r.body().path("content").forEach(t -> {
        if (caseNumber.equals(t.path("caseNumber").asText())) {
          kinds.add(t.path("kind").asText());
        }
      });
      if (page + 1 >= r.body().path("page").path("totalPages").asInt()) {
        return kinds;
      }
    }
  }

  @Test
  @DisplayName("a case with no caseworker yet offers its investigation to the team; once karen has done it, the step "
      + "choice is hers (in her 'mine', not in lars's list at all); an unknown scope is refused naming the field")
  void nextTaskGoesToTheCaseworker() throws Exception {
    String caseNumber = caseToInvestigate("0404134623", LocalDate.of(2013, 4, 4));

    assertThat(kindsOn("lars", "team", caseNumber)).contains("investigation");
    assertThat(kindsOn("lars", "mine", caseNumber)).isEmpty();
    JsonNode investigation = getJson("karen", "/api/tasks/" + taskId("karen", caseNumber, "investigation")).body();
    assertThat(investigation.path("assignee").isNull()).as("nobody has the case yet").isTrue();

    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);

    assertThat(kindsOn("karen", "mine", caseNumber)).containsExactly("choose-step");
    assertThat(kindsOn("karen", "team", caseNumber)).isEmpty();
    assertThat(kindsOn("lars", "", caseNumber)).as("karen's, not the team's to pick up").isEmpty();

    Response bad = getJson("karen", "/api/tasks?scope=everyone");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("problems").get(0).path("field").asText()).isEqualTo("scope");
  }
}
