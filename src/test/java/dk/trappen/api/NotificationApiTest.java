package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ControlCharacters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Registering notifications over the API")
class NotificationApiTest extends ApiTestSupport {

  @Autowired
  private CaseService cases;

  private Map<String, Object> notification(String cpr, String birth, String concern) {
    Map<String, Object> n = new HashMap<>();
    n.put("child", Map.of("cpr", cpr, "firstName", "Maja", "lastName", "Berg", "birthDate", birth));
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "Skolen");
    n.put("concern", concern);
    n.put("receivedAt", now().minus(Duration.ofHours(1)).toString());
    n.put("team", "nord");
    return n;
  }

  @Test
  @DisplayName("the same payload sent twice without a key creates one case and returns the first receipt")
  void samePayloadTwiceCreatesOneCase() throws Exception {
    Map<String, Object> n = notification("0303124562", "2012-03-03", "Bekymring A");
    long before = cases.countOpen();
    Response first = postJson("ida", "/api/notifications", n);
    Response second = postJson("ida", "/api/notifications", n);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("notificationId").asLong()).isEqualTo(first.body().path("notificationId").asLong());
    assertThat(cases.countOpen()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("text with a control character is refused naming the field, nothing stored; tab and line breaks pass")
  void controlCharacters() throws Exception {
    Map<String, Object> n = notification("1303124573", "2012-03-13", "Bekymring C");
    n.put("child", Map.of("cpr", "1303124573", "firstName", "Ma\u0000ja", "lastName", "Berg",
        "birthDate", "2012-03-13"));
    Response refused = postJson("ida", "/api/notifications", n);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").path("child.firstName").asText())
        .isEqualTo(ControlCharacters.PROBLEM_TEXT);
    assertThat(cases.casesOfChild("1303124573")).isEmpty();

    Response accepted = postJson("ida", "/api/notifications", notification("1303124573", "2012-03-13",
        "Linje 1\r\nLinje 2\n\tindrykket"));
    assertThat(accepted.status()).isEqualTo(201);
  }

  @Test
  @DisplayName("an Idempotency-Key reused for a different notification is refused with a conflict naming the header")
  void reusedKeyForDifferentPayloadIsAConflict() throws Exception {
    assertThat(postJson("ida", "/api/notifications", notification("0404124573", "2012-04-04", "B1"),
        Map.of("Idempotency-Key", "k-b")).status()).isEqualTo(201);
    Response reused = postJson("ida", "/api/notifications", notification("0404124573", "2012-04-04", "B2"),
        Map.of("Idempotency-Key", "k-b"));
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.body().path("errors").has("Idempotency-Key")).isTrue();
  }

  @Test
  @DisplayName("a second notification about a child with an open case joins it and asks for a second opinion by a "
      + "caseworker new to the case")
  void secondNotificationJoinsOpenCase() throws Exception {
    Response first = postJson("ida", "/api/notifications", notification("0505124584", "2012-05-05", "C1"));
    String caseNumber = first.body().path("caseNumber").asText();
    assertThat(complete("ida", caseNumber, "acute-assessment",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    Response joined = postJson("ida", "/api/notifications", notification("0505124584", "2012-05-05", "C2"));
    assertThat(joined.status()).isEqualTo(201);
    assertThat(joined.body().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(joined.body().path("joinedOpenCase").asBoolean()).isTrue();

    String reassessment = taskId("karen", caseNumber, "reassessment");
    // a caseworker who handled the case may not give the second opinion
    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "F", "youthPerspective", "Y", "riskLevel", "LOW", "safeAtHome", true,
        "kinOrNetworkPossible", false, "youthWish", "STAY_HOME", "outcome", "INTERVENTION")).status())
        .isEqualTo(204);
    Response refused = postJson("karen", "/api/tasks/" + reassessment + "/complete",
        Map.of("assessment", "Ingen ændring.", "acuteMeasuresNeeded", false));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("errors").has("assignee")).isTrue();
    Response claimRefused = postJson("karen", "/api/tasks/" + reassessment + "/claim", Map.of());
    assertThat(claimRefused.status()).isEqualTo(409);

    assertThat(postJson("lars", "/api/tasks/" + reassessment + "/complete",
        Map.of("assessment", "Ingen ændring.", "acuteMeasuresNeeded", false)).status()).isEqualTo(204);
    JsonNode theCase = getJson("lars", "/api/cases/" + caseNumber).body();
    assertThat(theCase.path("notifications")).hasSize(2);
  }

  @Test
  @DisplayName("bad input is answered with problem details naming each field, and nothing is stored")
  void badInputNamesTheFields() throws Exception {
    long before = cases.countOpen();
    Map<String, Object> n = notification("0606124595", "2012-06-07", "D");
    n.put("receivedAt", now().plus(Duration.ofDays(2)).toString());
    n.put("notifierKind", "SCHOOL");
    n.put("notifierOrganisation", "");
    Response bad = postJson("ida", "/api/notifications", n);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("type").asText()).contains("invalid-input");
    JsonNode errors = bad.body().path("errors");
    assertThat(errors.has("receivedAt")).as(errors.toString()).isTrue();

    Map<String, Object> mismatch = notification("0606124595", "2012-06-07", "D");
    Response wrongCpr = postJson("ida", "/api/notifications", mismatch);
    assertThat(wrongCpr.status()).isEqualTo(400);
    assertThat(wrongCpr.body().path("errors").path("child.cpr").asText()).contains("does not match");

    Map<String, Object> noOrg = notification("0606124595", "2012-06-06", "D");
    noOrg.put("notifierOrganisation", null);
    assertThat(postJson("ida", "/api/notifications", noOrg).body().path("errors").has("notifierOrganisation"))
        .isTrue();

    Map<String, Object> unknownTeam = notification("0606124595", "2012-06-06", "D");
    unknownTeam.put("team", "øst");
    assertThat(postJson("ida", "/api/notifications", unknownTeam).body().path("errors").path("team").asText())
        .contains("no team");

    Map<String, Object> wrongType = notification("0606124595", "2012-06-06", "D");
    wrongType.put("notifierKind", "TEACHER");
    Response badEnum = postJson("ida", "/api/notifications", wrongType);
    assertThat(badEnum.status()).isEqualTo(400);
    assertThat(badEnum.body().path("errors").path("notifierKind").asText()).contains("SCHOOL");

    Response missing = postJson("ida", "/api/notifications", Map.of("child", Map.of("cpr", "12345")));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").has("child.cpr")).isTrue();
    assertThat(missing.body().path("errors").has("concern")).isTrue();
    assertThat(missing.body().path("errors").has("notifierKind")).isTrue();

    assertThat(cases.countOpen()).isEqualTo(before);
  }

  @Test
  @DisplayName("a caseworker of another team does not see the case")
  void otherTeamSeesNothing() throws Exception {
    Response created = postJson("ida", "/api/notifications", notification("0707124506", "2012-07-07", "E"));
    String caseNumber = created.body().path("caseNumber").asText();
    assertThat(getJson("karen", "/api/cases/" + caseNumber).status()).isEqualTo(200);
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the demo clock does not exist outside the demo profile")
  void noDemoClockOutsideDemo() throws Exception {
    assertThat(getJson("admin", "/api/demo/clock").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the engine REST API refuses anyone but an admin")
  void engineRestNeedsAdmin() throws Exception {
    assertThat(call("karen", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/engine-rest/process-definition")).status()).isEqualTo(403);
    assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/engine-rest/process-definition")).andReturn().getResponse().getStatus()).isEqualTo(401);
  }
}
