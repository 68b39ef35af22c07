package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** A head of department over the API: their teams' figures and deadlines, their teams' cases read, nothing written. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("A head of department over the API")
class HeadOfDepartmentApiTest extends ApiTestSupport {

  @Autowired
  private OrgService org;
  @Autowired
  private PasswordEncoder encoder;

  @BeforeEach
  void head() {
    TestStaff.ensure(org, encoder);
    if (org.member("asta").isEmpty()) {
      org.createUserInTeams("asta", "Asta", Role.HEAD, List.of("nord", "syd"), encoder.encode(TestStaff.PASSWORD),
          false);
    }
    TestStaff.setActive(org, true, "asta");
  }

  @AfterEach
  void extraStaffInactive() {
    TestStaff.setActive(org, false, "asta");
  }

  @Test
  @DisplayName("a head over Nord and Syd reads both teams' figures side by side and either team's deadlines; a head "
      + "of Nord only is refused Syd's, naming the field team")
  void figuresAndDeadlinesOfTheirTeams() throws Exception {
    Response teams = getJson("asta", "/api/oversight/teams");
    assertThat(teams.status()).isEqualTo(200);
    assertThat(teams.body().findValuesAsText("code")).containsExactly("nord", "syd");
    assertThat(teams.body().get(0).has("overdue")).isTrue();

    assertThat(getJson("asta", "/api/oversight/deadlines?team=syd").status()).isEqualTo(200);
    Response refused = getJson("hanne", "/api/oversight/deadlines?team=syd");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("problems").get(0).path("field").asText()).isEqualTo("team");
  }

  @Test
  @DisplayName("a head reads a case of their team and its audit, and may not register a notification, raise a "
      + "concern, list tasks or reassign work")
  void readsAndWritesNothing() throws Exception {
    Response created = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", "0303134612", "firstName", "Ea", "lastName", "Storm", "birthDate", "2013-03-03"),
        "notifierKind", "RELATIVE", "concern", "Bekymring.", "receivedAt", now().minus(Duration.ofHours(1)).toString(),
        "team", "nord"));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();

    assertThat(getJson("asta", "/api/cases/" + caseNumber).status()).isEqualTo(200);
    assertThat(getJson("asta", "/api/cases/" + caseNumber + "/audit").body().findValuesAsText("username"))
        .contains("asta");
    assertThat(getJson("jens", "/api/cases/" + caseNumber).status()).as("head of Syd only").isEqualTo(404);

    assertThat(postJson("asta", "/api/notifications", Map.of()).status()).isEqualTo(403);
    assertThat(postJson("asta", "/api/cases/" + caseNumber + "/concerns", Map.of()).status()).isEqualTo(403);
    assertThat(getJson("asta", "/api/tasks").status()).isEqualTo(403);
    assertThat(postJson("asta", "/api/reassignments/cases", Map.of("caseNumbers", List.of(caseNumber),
        "caseworker", "karen")).status()).isEqualTo(403);
  }
}
