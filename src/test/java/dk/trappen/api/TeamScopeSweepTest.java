package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.audit.AuditService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A caseworker of team Nord requests every case URL, API resource, task, export and search of a case of team Syd, and
 * gets nothing of it: no status that differs from a case that does not exist, no name, no CPR, no case number.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("A caseworker sees nothing of another team's case")
class TeamScopeSweepTest extends ApiTestSupport {

  private static final String NAME = "Zenia";
  private static final String SURNAME = "Quist";
  private static final String CPR = "1111124651";

  @Autowired
  private AuditService audit;

  @Test
  @DisplayName("every case URL, task, export and search of team Syd gives karen of team Nord nothing")
  void sweep() throws Exception {
    Response created = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", CPR, "firstName", NAME, "lastName", SURNAME, "birthDate", "2012-11-11"),
        "notifierKind", "POLICE", "notifierOrganisation", "Politiet", "concern", "Bekymring om Zenia.",
        "receivedAt", now().minus(Duration.ofHours(1)).toString(), "team", "syd"));
    String caseNumber = created.body().path("caseNumber").asText();
    String acute = taskId("ida", caseNumber, "acute-assessment");
    assertThat(complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE", "note", "Ja."))
        .status()).isEqualTo(204);
    String investigation = taskId("sofie", caseNumber, "investigation");
    String missing = "2099-999999";

    List<String> leaks = new ArrayList<>();
    List<MockHttpServletRequestBuilder> requests = List.of(
        get("/api/cases/" + caseNumber),
        get("/api/cases/" + caseNumber + "/audit"),
        post("/api/cases/" + caseNumber + "/concerns").contentType("application/json")
            .content("{\"raisedBy\":\"SCHOOL\",\"description\":\"x\"}"),
        get("/api/tasks/" + investigation),
        post("/api/tasks/" + investigation + "/claim"),
        post("/api/tasks/" + investigation + "/complete").contentType("application/json").content("{}"),
        get("/api/tasks/" + acute),
        get("/api/tasks"),
        get("/api/oversight/deadlines"));
    long auditBefore = audit.count();
    for (MockHttpServletRequestBuilder r : requests) {
      MockHttpServletResponse res = mvc.perform(r.with(
          org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .httpBasic("karen", TestStaff.PASSWORD))).andReturn().getResponse();
      check(leaks, "API " + r.buildRequest(null).getRequestURI(), res, caseNumber);
    }
    List<MockHttpServletRequestBuilder> pages = List.of(
        get("/cases/" + caseNumber),
        post("/cases/" + caseNumber + "/concerns").param("raisedBy", "SCHOOL").param("description", "x"),
        get("/tasks/" + investigation),
        post("/tasks/" + investigation).param("findings", "x"),
        post("/tasks/" + investigation + "/claim"),
        get("/tasks"),
        get("/intake/child-check").param("cpr", CPR),
        get("/oversight/late.csv"));
    for (MockHttpServletRequestBuilder r : pages) {
      MockHttpServletResponse res = mvc.perform(r.with(user("karen").roles("CASEWORKER")).with(csrf()))
          .andReturn().getResponse();
      check(leaks, "page " + r.buildRequest(null).getRequestURI(), res, caseNumber);
    }
    // the team leader of Nord neither
    for (String url : List.of("/oversight", "/oversight/late.csv", "/oversight/figures.csv")) {
      MockHttpServletResponse res = mvc.perform(get(url).with(user("birgitte").roles("TEAM_LEADER")))
          .andReturn().getResponse();
      check(leaks, "leader page " + url, res, caseNumber);
    }
    assertThat(leaks).isEmpty();
    // refused requests read nothing, so record no reads; the one row is the child check's CPR look-up, which is
    // recorded even though it showed karen nothing
    assertThat(audit.count()).as("refused requests record no reads; the CPR look-up is recorded")
        .isEqualTo(auditBefore + 1);

    // and the case that does not exist answers exactly like the other team's case
    assertThat(getJson("karen", "/api/cases/" + missing).status())
        .isEqualTo(getJson("karen", "/api/cases/" + caseNumber).status());
    // while sofie of team Syd sees it
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).body().toString()).contains(NAME);
  }

  private static void check(List<String> leaks, String what, MockHttpServletResponse res, String caseNumber)
      throws Exception {
    String body = res.getContentAsString();
    int status = res.getStatus();
    if (status == 200 || status == 201 || status == 204) {
      if (body.contains(NAME) || body.contains(SURNAME) || body.contains(CPR) || body.contains(CPR.substring(0, 6))
          || body.contains(caseNumber)) {
        leaks.add(what + " answered " + status + " with the other team's case in it");
      }
    } else if (status != 302 && status != 400 && status != 403 && status != 404) {
      leaks.add(what + " answered " + status);
    }
    if (status == 302 && res.getRedirectedUrl() != null && res.getRedirectedUrl().contains(caseNumber)) {
      leaks.add(what + " redirected to " + res.getRedirectedUrl());
    }
  }
}
