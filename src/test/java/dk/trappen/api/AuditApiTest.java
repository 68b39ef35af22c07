package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditService;
import java.time.Duration;
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
@DisplayName("The audit of every read and write of a case")
class AuditApiTest extends ApiTestSupport {

  @Autowired
  private AuditService audit;

  private String newCase(String cpr, String birth) throws Exception {
    Response r = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Ea", "lastName", "Bach", "birthDate", birth),
        "notifierKind", "RELATIVE", "concern", "Bekymring.", "receivedAt", now().minus(Duration.ofHours(1)).toString(),
        "team", "nord"));
    assertThat(r.status()).isEqualTo(201);
    return r.body().path("caseNumber").asText();
  }

  @Test
  @DisplayName("registering, reading over the API, opening a task and completing it each leave one audit row naming "
      + "who, which case and what, and the team leader sees them")
  void readsAndWritesAreAudited() throws Exception {
    long before = audit.count();
    String caseNumber = newCase("0808124617", "2012-08-08");
    assertThat(audit.count()).isEqualTo(before + 1);

    assertThat(getJson("karen", "/api/cases/" + caseNumber).status()).isEqualTo(200);
    assertThat(audit.count()).isEqualTo(before + 2);

    String taskId = taskId("ida", caseNumber, "acute-assessment");
    assertThat(getJson("ida", "/api/tasks/" + taskId).status()).isEqualTo(200);
    assertThat(postJson("ida", "/api/tasks/" + taskId + "/complete",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    assertThat(audit.count()).isEqualTo(before + 4);

    Response trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit");
    assertThat(trail.status()).isEqualTo(200);
    StringBuilder rows = new StringBuilder();
    for (JsonNode row : trail.body()) {
      assertThat(row.path("caseNumber").asText()).isEqualTo(caseNumber);
      assertThat(row.path("source").asText()).isNotBlank();
      rows.append(row.path("username").asText()).append(' ').append(row.path("action").asText()).append(' ')
          .append(row.path("what").asText()).append('\n');
    }
    assertThat(rows.toString())
        .contains("ida WRITE api: notification")
        .contains("karen READ api: case")
        .contains("ida READ task: acute-assessment")
        .contains("ida WRITE complete: acute-assessment")
        .contains("birgitte READ api: audit of the case");
  }

  @Test
  @DisplayName("only the case's team leader sees who read it; another team's caseworker finds no case and leaves no row")
  void onlyTheTeamLeaderSeesTheAudit() throws Exception {
    String caseNumber = newCase("0909124628", "2012-09-09");
    assertThat(getJson("karen", "/api/cases/" + caseNumber + "/audit").status()).isEqualTo(403);
    assertThat(getJson("henrik", "/api/cases/" + caseNumber + "/audit").status()).isEqualTo(404);
    long before = audit.count();
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).status()).isEqualTo(404);
    assertThat(audit.count()).isEqualTo(before);
  }

  @Test
  @DisplayName("an administrator exports the audit of a period as CSV")
  void adminExportsAPeriod() throws Exception {
    String caseNumber = newCase("1010124639", "2012-10-10");
    getJson("karen", "/api/cases/" + caseNumber);
    String day = now().atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().toString();
    var result = mvc.perform(get("/admin/audit.csv").param("from", day).param("to", day)
        .with(user("admin").roles("ADMIN"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentAsString()).contains("karen;CASEWORKER;" + caseNumber + ";READ");
    assertThat(mvc.perform(get("/admin/audit.csv").param("from", day).param("to", day)
        .with(user("karen").roles("CASEWORKER"))).andReturn().getResponse().getStatus()).isEqualTo(403);
  }
}
