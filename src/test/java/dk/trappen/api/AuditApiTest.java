package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
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

  /** The rows of work on cases (reads, writes, exports), not sign-ins or refusals. */
  private long caseRows() {
    return audit.count(AuditAction.READ) + audit.count(AuditAction.WRITE) + audit.count(AuditAction.EXPORT);
  }

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
    long before = caseRows();
    String caseNumber = newCase("0808124617", "2012-08-08");
    assertThat(caseRows()).isEqualTo(before + 1);

    assertThat(getJson("karen", "/api/cases/" + caseNumber).status()).isEqualTo(200);
    assertThat(caseRows()).isEqualTo(before + 2);

    String taskId = taskId("ida", caseNumber, "acute-assessment");
    assertThat(getJson("ida", "/api/tasks/" + taskId).status()).isEqualTo(200);
    assertThat(postJson("ida", "/api/tasks/" + taskId + "/complete",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    assertThat(caseRows()).isEqualTo(before + 4);

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
  @DisplayName("only the case's team leader sees who read it; another team's caseworker finds no case, reads "
      + "nothing and leaves a refusal the team leader sees")
  void onlyTheTeamLeaderSeesTheAudit() throws Exception {
    String caseNumber = newCase("0909124628", "2012-09-09");
    assertThat(getJson("karen", "/api/cases/" + caseNumber + "/audit").status()).isEqualTo(403);
    assertThat(getJson("henrik", "/api/cases/" + caseNumber + "/audit").status()).isEqualTo(404);
    long before = caseRows();
    long refusals = audit.count(AuditAction.REFUSED);
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).status()).isEqualTo(404);
    assertThat(caseRows()).isEqualTo(before);
    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refusals + 1);
    Response trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit");
    assertThat(trail.body().toString()).contains("\"username\":\"sofie\"").contains("\"action\":\"REFUSED\"")
        .contains("\"reason\":\"other-team\"");
  }

  @Test
  @DisplayName("an administrator exports the audit of a period as CSV, refusals and sign-ins with their reasons, "
      + "and the export is recorded")
  void adminExportsAPeriod() throws Exception {
    String caseNumber = newCase("1010124639", "2012-10-10");
    getJson("karen", "/api/cases/" + caseNumber);
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).status()).isEqualTo(404);
    assertThat(mvc.perform(get("/api/tasks").with(httpBasic("lars", "wrong-password")).with(r -> {
      r.setRemoteAddr("192.0.2.10");
      return r;
    })).andReturn().getResponse().getStatus()).isEqualTo(401);
    String day = now().atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().toString();
    long exports = audit.count(AuditAction.EXPORT);
    var result = mvc.perform(get("/admin/audit.csv").param("from", day).param("to", day)
        .with(user("admin").roles("ADMIN"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(audit.count(AuditAction.EXPORT)).isEqualTo(exports + 1);
    String csv = result.getResponse().getContentAsString();
    assertThat(csv).startsWith("at;username;role;case;action;what;source;reason")
        .contains("karen;CASEWORKER;" + caseNumber + ";READ")
        .contains("sofie;CASEWORKER;" + caseNumber + ";REFUSED;\"api: case\";\"127.0.0.1\";\"other-team\"")
        .contains("lars;;;SIGN_IN_FAILED;\"sign-in: basic\";\"192.0.2.10\";\"bad-credentials\"")
        .doesNotContain("wrong-password");
    assertThat(mvc.perform(get("/admin/audit.csv").param("from", day).param("to", day)
        .with(user("karen").roles("CASEWORKER"))).andReturn().getResponse().getStatus()).isEqualTo(403);
  }
}
