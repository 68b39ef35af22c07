package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.api.TestStaff;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.org.Role;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A head of department over several teams, and a team leader of two: the teams side by side, one team's overview at a
 * time, the cases of their teams read (and audited), and nothing of another team.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("A head of department and a team leader of several teams")
class SeveralTeamsPageTest extends PageTestSupport {

  @Autowired
  private AuditService audit;

  @BeforeEach
  void heads() {
    ensure("asger", Role.HEAD, List.of("nord", "syd"));
    ensure("olivia", Role.HEAD, List.of("syd"));
    ensure("tove", Role.TEAM_LEADER, List.of("nord", "syd"));
    TestStaff.setActive(org, true, "asger", "olivia", "tove");
  }

  private void ensure(String username, Role role, List<String> teams) {
    if (org.member(username).isEmpty()) {
      org.createUserInTeams(username, username, role, teams, "{noop}unused", false);
    }
  }

  @AfterEach
  void extraStaffInactive() {
    TestStaff.setActive(org, false, "asger", "olivia", "tove");
  }

  @Test
  @DisplayName("a head over two teams starts on the overview with both teams side by side, switches team, reads a "
      + "case of their team (audited), and has no reassignment forms and no right to reassign")
  void headSeesTheirTeamsSideBySide() throws Exception {
    String caseNumber = notify(newChild("Vilma", "Holm"));

    assertThat(mvc.perform(get("/").with(as("asger"))).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/oversight");
    Document overview = html(mvc.perform(get("/oversight").with(as("asger"))).andReturn());
    assertThat(overview.select("table.side-by-side tbody th").eachText()).containsExactly("Team Nord", "Team Syd");
    assertThat(overview.selectFirst("table.side-by-side a[aria-current=page]").text()).isEqualTo("Team Nord");
    assertThat(overview.select("input[name=taskIds], input[name=caseNumbers], select#caseworker")).isEmpty();

    Document syd = html(mvc.perform(get("/oversight").param("team", "syd").with(as("asger"))).andReturn());
    assertThat(syd.selectFirst("p.team-shown").text()).isEqualTo("Viser team: Team Syd");
    assertThat(syd.select("table.cases a").eachText()).doesNotContain(caseNumber);
    assertThat(syd.select(".pager a, a[href*=csv]").eachAttr("href")).allMatch(h -> h.contains("team=syd"));

    Instant before = now();
    MvcResult read = mvc.perform(get("/cases/" + caseNumber).with(as("asger"))).andReturn();
    assertThat(read.getResponse().getStatus()).isEqualTo(200);
    assertThat(html(read).select("form[action$=/concerns], a[href='#concerns']")).as("a head writes nothing")
        .isEmpty();
    assertThat(html(read).select("main a[href^=/tasks/]")).as("a head holds no tasks: none is linked").isEmpty();
    assertThat(html(read).select("main table th[scope=row] span").eachText()).as("the acute assessment, named")
        .isNotEmpty();
    assertThat(audit.between(before.minusSeconds(1), Instant.parse("2100-01-01T00:00:00Z")))
        .anyMatch(a -> a.username().equals("asger") && a.action() == AuditAction.READ
            && caseNumber.equals(a.caseNumber()));

    MvcResult reassign = mvc.perform(post("/oversight/reassign-cases").param("caseNumbers", caseNumber)
        .param("caseworker", "karen").with(as("asger")).with(csrf())).andReturn();
    assertThat(reassign.getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/tasks").with(as("asger"))).andReturn().getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  @DisplayName("a head of another team reads nothing of the case: not found, and the refusal is audited; their "
      + "overview of a team not theirs is not found")
  void headOfAnotherTeamIsRefused() throws Exception {
    String caseNumber = notify(newChild("Alma", "Berg"));

    assertThat(mvc.perform(get("/cases/" + caseNumber).with(as("olivia"))).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(audit.refusalsOnTeamCases("nord", java.time.Duration.ofDays(1), 50))
        .anyMatch(a -> a.username().equals("olivia") && caseNumber.equals(a.caseNumber()));
    assertThat(mvc.perform(get("/oversight").param("team", "nord").with(as("olivia"))).andReturn().getResponse()
        .getStatus()).isEqualTo(404);
    Document own = html(mvc.perform(get("/oversight").with(as("olivia"))).andReturn());
    assertThat(own.select("table.side-by-side")).as("one team: nothing to set side by side").isEmpty();
    assertThat(own.selectFirst("p.team-shown").text()).isEqualTo("Viser team: Team Syd");
  }

  @Test
  @DisplayName("a team leader of two teams reassigns a case of each team to a caseworker of that team, and is refused "
      + "giving a Nord case to a caseworker of Syd; the form returns to the team it was on")
  void leaderOfTwoTeamsReassignsWithinEachTeam() throws Exception {
    String nordCase = notify(newChild("Bo", "Lund"));

    MvcResult toSofie = mvc.perform(post("/oversight/reassign-cases").param("caseNumbers", nordCase)
        .param("caseworker", "sofie").param("team", "nord").with(as("tove")).with(csrf())).andReturn();
    assertThat(toSofie.getResponse().getRedirectedUrl()).isEqualTo("/oversight?team=nord");
    assertThat(toSofie.getFlashMap().get("problems"))
        .isEqualTo(List.of("»sofie« er ikke sagsbehandler i teamet."));
    assertThat(cases.get(nordCase).caseworker()).isNotEqualTo("sofie");

    MvcResult toKaren = mvc.perform(post("/oversight/reassign-cases").param("caseNumbers", nordCase)
        .param("caseworker", "karen").param("team", "nord").with(as("tove")).with(csrf())).andReturn();
    assertThat(toKaren.getFlashMap().get("problems")).isNull();
    assertThat(cases.get(nordCase).caseworker()).isEqualTo("karen");
  }
}
