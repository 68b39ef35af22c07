package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import dk.trappen.security.CaseAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A caseworker of team Nord requests every case URL, API resource, task, export and search of a case of team Syd, and
 * gets nothing of it: no status that differs from a case that does not exist, no name, no CPR, no case number. Each
 * refusal is recorded with the case, for team Syd's leader to see. The team leader of Nord cannot reassign team
 * Syd's case or task, and every export leaves its audit row.
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
  @Autowired
  private CaseService cases;

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
    long entry = postJson("sofie", "/api/cases/" + caseNumber + "/journal", Map.of("kind", "NOTE",
        "happenedAt", now().toString(), "text", "Syds notat.")).body().path("id").asLong();
    long party = postJson("sofie", "/api/cases/" + caseNumber + "/parties", Map.of("role", "MOTHER",
        "name", "Syds mor", "custody", true)).body().path("id").asLong();
    long document = call("sofie", multipart("/api/cases/" + caseNumber + "/documents")
        .file(new MockMultipartFile("file", "syd.pdf", "application/pdf", TestFiles.pdf("Syd", 0)))
        .param("title", "Syds udtalelse").param("kind", "STATEMENT").param("date", "2027-03-01")
        .header("X-Requested-With", "test")).body().path("id").asLong();
    // the investigation's deadline, with a request of sofie's to extend it waiting for Syd's team leader
    long deadline = 0;
    for (JsonNode d : getJson("sofie", "/api/cases/" + caseNumber + "/deadlines").body()) {
      if ("INVESTIGATION".equals(d.path("deadline").path("kind").asText())) {
        deadline = d.path("deadline").path("id").asLong();
      }
    }
    long change = postJson("sofie", "/api/cases/" + caseNumber + "/deadlines/" + deadline + "/extensions",
        Map.of("type", "PAUSE", "reason", "Syd venter.")).body().path("id").asLong();

    List<String> leaks = new ArrayList<>();
    List<MockHttpServletRequestBuilder> requests = List.of(
        get("/api/cases/" + caseNumber),
        get("/api/cases/" + caseNumber + "/audit"),
        post("/api/cases/" + caseNumber + "/concerns").contentType("application/json")
            .content("{\"raisedBy\":\"SCHOOL\",\"description\":\"x\"}"),
        get("/api/cases/" + caseNumber + "/journal"),
        post("/api/cases/" + caseNumber + "/journal").contentType("application/json")
            .content("{\"kind\":\"NOTE\",\"text\":\"x\"}"),
        post("/api/cases/" + caseNumber + "/journal/" + entry + "/corrections").contentType("application/json")
            .content("{\"kind\":\"NOTE\",\"text\":\"x\",\"reason\":\"x\"}"),
        get("/api/cases/" + caseNumber + "/parties"),
        post("/api/cases/" + caseNumber + "/parties").contentType("application/json")
            .content("{\"role\":\"FATHER\",\"name\":\"x\"}"),
        post("/api/cases/" + caseNumber + "/consents").contentType("application/json")
            .content("{\"partyId\":" + party + ",\"purpose\":\"x\",\"state\":\"GIVEN\"}"),
        get("/api/cases/" + caseNumber + "/documents"),
        multipart("/api/cases/" + caseNumber + "/documents")
            .file(new MockMultipartFile("file", "x.pdf", "application/pdf", TestFiles.pdf("x", 0)))
            .param("title", "x").param("kind", "OTHER").param("date", "2027-03-01").header("X-Requested-With", "x"),
        get("/api/documents/" + document),
        post("/api/documents/" + document + "/filed-in-error").contentType("application/json")
            .content("{\"reason\":\"x\"}"),
        get("/api/cases/" + caseNumber + "/deadlines"),
        post("/api/cases/" + caseNumber + "/deadlines/" + deadline + "/extensions").contentType("application/json")
            .content("{\"type\":\"PAUSE\",\"reason\":\"x\"}"),
        post("/api/cases/" + caseNumber + "/deadlines/" + deadline + "/resume").contentType("application/json")
            .content("{}"),
        post("/api/cases/" + caseNumber + "/deadlines/" + deadline + "/extensions/" + change + "/decision")
            .contentType("application/json").content("{\"approve\":true}"),
        get("/api/oversight/deadline-requests"),
        get("/api/tasks/" + investigation),
        post("/api/tasks/" + investigation + "/claim").contentType(MediaType.APPLICATION_JSON),
        post("/api/tasks/" + investigation + "/complete").contentType("application/json").content("{}"),
        get("/api/tasks/" + acute),
        get("/api/tasks"),
        get("/api/oversight/deadlines"));
    long refusedBefore = audit.count(AuditAction.REFUSED);
    for (MockHttpServletRequestBuilder r : requests) {
      MockHttpServletResponse res = mvc.perform(r.with(
          org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
              .httpBasic("karen", TestStaff.PASSWORD))).andReturn().getResponse();
      check(leaks, "API " + r.buildRequest(null).getRequestURI(), res, caseNumber);
    }
    List<MockHttpServletRequestBuilder> pages = List.of(
        get("/cases/" + caseNumber),
        post("/cases/" + caseNumber + "/concerns").param("raisedBy", "SCHOOL").param("description", "x"),
        post("/cases/" + caseNumber + "/journal").param("kind", "NOTE").param("text", "x"),
        post("/cases/" + caseNumber + "/journal/" + entry + "/corrections").param("kind", "NOTE").param("text", "x")
            .param("reason", "x"),
        post("/cases/" + caseNumber + "/parties").param("role", "FATHER").param("name", "x"),
        post("/cases/" + caseNumber + "/consents").param("partyId", String.valueOf(party)).param("purpose", "x"),
        multipart("/cases/" + caseNumber + "/documents")
            .file(new MockMultipartFile("file", "x.pdf", "application/pdf", TestFiles.pdf("x", 0)))
            .param("title", "x").param("kind", "OTHER").param("date", "2027-03-01"),
        get("/cases/" + caseNumber + "/documents/" + document),
        post("/cases/" + caseNumber + "/documents/" + document + "/filed-in-error").param("reason", "x"),
        post("/cases/" + caseNumber + "/deadlines/" + deadline + "/extensions").param("type", "PAUSE")
            .param("reason", "x"),
        post("/cases/" + caseNumber + "/deadlines/" + deadline + "/resume"),
        post("/cases/" + caseNumber + "/deadlines/" + deadline + "/extensions/" + change + "/decision")
            .param("approve", "true"),
        get("/tasks/" + investigation),
        post("/tasks/" + investigation).param("findings", "x"),
        post("/tasks/" + investigation + "/claim"),
        get("/tasks"),
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
    // nor Syd's waiting request: not in Nord's list, and not hers to decide (not found, recorded)
    check(leaks, "leader API deadline requests", mvc.perform(get("/api/oversight/deadline-requests").with(
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .httpBasic("birgitte", TestStaff.PASSWORD))).andReturn().getResponse(), caseNumber);
    String decision = "/cases/" + caseNumber + "/deadlines/" + deadline + "/extensions/" + change + "/decision";
    check(leaks, "leader API decision", mvc.perform(post("/api" + decision).contentType("application/json")
        .content("{\"approve\":true}").with(org.springframework.security.test.web.servlet.request
            .SecurityMockMvcRequestPostProcessors.httpBasic("birgitte", TestStaff.PASSWORD))).andReturn()
        .getResponse(), caseNumber);
    check(leaks, "leader page decision", mvc.perform(post(decision).param("approve", "true")
        .with(user("birgitte").roles("TEAM_LEADER")).with(csrf())).andReturn().getResponse(), caseNumber);
    assertThat(leaks).isEmpty();
    // refused requests read nothing, so record no reads: each refusal of the case is recorded with the case, and each
    // refusal by role (the audit, the oversight API and export) without one
    long caseId = cases.get(caseNumber).id();
    List<AuditService.AuditView> onCase = audit.ofCase(caseId).stream()
        .filter(v -> v.username().equals("karen") || v.username().equals("birgitte")).toList();
    assertThat(onCase).extracting(AuditService.AuditView::action).containsOnly(AuditAction.REFUSED);
    assertThat(onCase).extracting(AuditService.AuditView::what).containsExactlyInAnyOrder(
        "api: case", "api: new concern", "task: investigation", "claim: investigation", "complete: investigation",
        "page: case", "page: new concern", "task: investigation", "complete: investigation", "claim: investigation",
        "api: journal", "journal: note", "journal: correction of entry " + entry, "journal: note",
        "journal: correction of entry " + entry, "api: parties", "parties: new party", "parties: consent",
        "parties: new party", "parties: consent", "api: documents", "documents: upload",
        "documents: download of document " + document, "documents: filed in error of document " + document,
        "documents: upload", "documents: download of document " + document,
        "documents: filed in error of document " + document,
        "api: deadlines", "deadlines: pause of deadline " + deadline, "deadlines: resume of deadline " + deadline,
        "deadlines: pause of deadline " + deadline, "deadlines: resume of deadline " + deadline,
        "deadlines: approval of change " + change + " of deadline " + deadline,
        "deadlines: approval of change " + change + " of deadline " + deadline);
    assertThat(onCase).extracting(AuditService.AuditView::reason).containsOnly(CaseAccess.OTHER_TEAM);
    // 27 + 7 on the case (the deadlines' read, ask and resume by API and page, birgitte's two decisions); 3 + 3 by
    // role without a case (karen's decisions by API and page, and the oversight's deadline requests)
    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refusedBefore + 34 + 6);
    // the request karen and birgitte tried to decide is still waiting, and nothing was paused or resumed
    JsonNode deadlines = getJson("sofie", "/api/cases/" + caseNumber + "/deadlines").body();
    for (JsonNode d : deadlines) {
      assertThat(d.path("deadline").path("state").asText()).isNotEqualTo("PAUSED");
      if (d.path("deadline").path("id").asLong() == deadline) {
        assertThat(d.path("changes")).extracting(c -> c.path("state").asText()).containsExactly("REQUESTED");
      }
    }
    // the concerns and journal entries karen tried to add were not added
    assertThat(getJson("sofie", "/api/cases/" + caseNumber + "/journal").body().size()).isEqualTo(1);
    JsonNode parties = getJson("sofie", "/api/cases/" + caseNumber + "/parties").body();
    assertThat(parties.size()).isEqualTo(1);
    assertThat(parties.get(0).path("consents").size()).isZero();
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).body().path("concerns").size()).isZero();
    // nor the documents, and the one there is not filed in error
    JsonNode documents = getJson("sofie", "/api/cases/" + caseNumber + "/documents").body();
    assertThat(documents.size()).isEqualTo(1);
    assertThat(documents.get(0).path("filedInError").asBoolean()).isFalse();
    // team Syd's leader sees the refused attempts on the team's case on the oversight page, in Danish and English
    String oversight = mvc.perform(get("/oversight").with(user("henrik").roles("TEAM_LEADER")))
        .andReturn().getResponse().getContentAsString();
    assertThat(oversight).contains("Afviste forsøg på teamets sager").contains(caseNumber)
        .contains("karen (Sagsbehandler)").contains("Sagen hører til et andet team");
    assertThat(mvc.perform(get("/oversight").param("lang", "en").with(user("henrik").roles("TEAM_LEADER")))
        .andReturn().getResponse().getContentAsString()).contains("Refused attempts on the team")
        .contains("The case belongs to another team");

    // the CPR check of intake answers karen nothing of the case either
    MockHttpServletResponse check = mvc.perform(get("/intake/child-check").param("cpr", CPR)
        .with(user("karen").roles("CASEWORKER"))).andReturn().getResponse();
    check(leaks, "page /intake/child-check", check, caseNumber);
    assertThat(leaks).isEmpty();

    // and the case that does not exist answers exactly like the other team's case
    assertThat(getJson("karen", "/api/cases/" + missing).status())
        .isEqualTo(getJson("karen", "/api/cases/" + caseNumber).status());
    // while sofie of team Syd sees it
    assertThat(getJson("sofie", "/api/cases/" + caseNumber).body().toString()).contains(NAME);
  }

  @Test
  @DisplayName("the team leader of Nord reassigning team Syd's case or task is refused, changes nothing and leaves a "
      + "refusal on the case, while Syd's own leader reassigns it")
  void leaderOfAnotherTeamReassignsNothing() throws Exception {
    String caseNumber = sydCase("0202124618", "2012-02-02");
    assertThat(complete("ida", caseNumber, "acute-assessment", Map.of("outcome", "INVESTIGATE", "note", "Ja."))
        .status()).isEqualTo(204);
    String investigation = taskId("sofie", caseNumber, "investigation");
    assertThat(call("sofie", post("/api/tasks/" + investigation + "/claim").contentType(MediaType.APPLICATION_JSON)).status()).isEqualTo(200);
    long caseId = cases.get(caseNumber).id();
    long writes = audit.count(AuditAction.WRITE);

    MockHttpServletResponse byCase = mvc.perform(post("/oversight/reassign-cases").param("caseNumbers", caseNumber)
        .param("caseworker", "karen").with(user("birgitte").roles("TEAM_LEADER")).with(csrf()))
        .andReturn().getResponse();
    MockHttpServletResponse byTask = mvc.perform(post("/oversight/reassign-tasks").param("taskIds", investigation)
        .param("assignee", "karen").with(user("birgitte").roles("TEAM_LEADER")).with(csrf()))
        .andReturn().getResponse();
    assertThat(byCase.getStatus()).isEqualTo(302);
    assertThat(byTask.getStatus()).isEqualTo(302);

    Response seen = getJson("sofie", "/api/cases/" + caseNumber);
    assertThat(seen.body().path("caseworker").asText()).as("the case's caseworker").isEqualTo("sofie");
    assertThat(getJson("sofie", "/api/tasks/" + investigation).body().path("assignee").asText())
        .as("the task's assignee").isEqualTo("sofie");
    assertThat(audit.count(AuditAction.WRITE)).as("no write recorded").isEqualTo(writes);
    List<AuditService.AuditView> refusals = audit.ofCase(caseId).stream()
        .filter(v -> v.action() == AuditAction.REFUSED).toList();
    assertThat(refusals).extracting(v -> v.username() + " " + v.what() + " " + v.reason())
        .containsExactlyInAnyOrder("birgitte reassign case other-team",
            "birgitte reassign task: investigation other-team");

    // the same forms work for the case's own team leader: the refusal above is the team check, not the request
    MockHttpServletResponse own = mvc.perform(post("/oversight/reassign-tasks").param("taskIds", investigation)
        .param("assignee", "sofie").with(user("henrik").roles("TEAM_LEADER")).with(csrf()))
        .andReturn().getResponse();
    assertThat(own.getStatus()).isEqualTo(302);
    assertThat(audit.ofCase(caseId)).extracting(v -> v.username() + " " + v.action() + " " + v.what())
        .contains("henrik WRITE reassign task: investigation to sofie");
  }

  @Test
  @DisplayName("each export leaves its audit row: the overdue list one per case in it, the figures and the admin's "
      + "audit export one each; the other team's leader exports nothing of the case")
  void exportsAreAudited() throws Exception {
    String caseNumber = sydCase("0303124629", "2012-03-03");
    long caseId = cases.get(caseNumber).id();
    // the acute assessment is due in 24 hours: a day and an hour later it is overdue
    moveClockTo(now().plus(Duration.ofHours(25)));

    MockHttpServletResponse nord = mvc.perform(get("/oversight/late.csv")
        .with(user("birgitte").roles("TEAM_LEADER"))).andReturn().getResponse();
    assertThat(nord.getStatus()).isEqualTo(200);
    assertThat(nord.getContentAsString()).doesNotContain(caseNumber);
    assertThat(exportsOf(caseId)).isEmpty();

    MockHttpServletResponse syd = mvc.perform(get("/oversight/late.csv")
        .with(user("henrik").roles("TEAM_LEADER"))).andReturn().getResponse();
    assertThat(syd.getStatus()).isEqualTo(200);
    assertThat(syd.getContentAsString()).contains(caseNumber);
    assertThat(exportsOf(caseId)).containsExactly("henrik export: deadline list (CSV)");

    long exports = audit.count(AuditAction.EXPORT);
    assertThat(mvc.perform(get("/oversight/figures.csv").with(user("henrik").roles("TEAM_LEADER")))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(audit.count(AuditAction.EXPORT)).isEqualTo(exports + 1);
    String day = now().atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().toString();
    assertThat(mvc.perform(get("/admin/audit.csv").param("from", day).param("to", day)
        .with(user("admin").roles("ADMIN"))).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(audit.count(AuditAction.EXPORT)).isEqualTo(exports + 2);
    assertThat(audit.between(now().minusSeconds(1), now().plusSeconds(1)))
        .filteredOn(v -> v.action() == AuditAction.EXPORT && v.caseNumber() == null)
        .extracting(v -> v.username() + " " + v.what())
        .contains("henrik export: figures of team syd (CSV)", "admin export: audit " + day + " to " + day + " (CSV)");
  }

  private List<String> exportsOf(long caseId) {
    return audit.ofCase(caseId).stream().filter(v -> v.action() == AuditAction.EXPORT)
        .map(v -> v.username() + " " + v.what()).toList();
  }

  /** A new case of team Syd, registered by intake an hour ago. */
  private String sydCase(String cpr, String birthDate) throws Exception {
    Response created = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Otto", "lastName", "Lund", "birthDate", birthDate),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Skolen", "concern", "Bekymring.",
        "receivedAt", now().minus(Duration.ofHours(1)).toString(), "team", "syd"));
    assertThat(created.status()).isEqualTo(201);
    return created.body().path("caseNumber").asText();
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
