package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.org.OrgService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administration API ({@code /api/admin/teams}, {@code /api/admin/users}): what an administrator does, refused to
 * every other role; bad input answered with problem details naming each field, nothing stored; every change audited
 * with what it was and what it became; a new user must choose a password before using the API; a deactivated user
 * cannot sign in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Administering teams and staff over the API")
class AdministrationApiTest extends ApiTestSupport {

  private static final String STRONG = "Trappe-Trin-2027!";

  @Autowired
  private AuditService audit;
  @Autowired
  private OrgService org;

  private Response patchJson(String user, String url, Object body) throws Exception {
    return call(user, patch(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  private int basicStatus(String user, String password, String url) throws Exception {
    MvcResult result = mvc.perform(get(url).with(httpBasic(user, password))).andReturn();
    return result.getResponse().getStatus();
  }

  private Map<String, Object> newUser(String username, String role, List<String> teams) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("displayName", "Mette Vest");
    body.put("email", username + "@kommune.dk");
    body.put("role", role);
    body.put("teams", teams);
    body.put("password", STRONG);
    return body;
  }

  private List<String> administered() {
    return audit.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
        .filter(a -> a.action() == AuditAction.ADMINISTER).map(a -> a.username() + ": " + a.what()).toList();
  }

  @Test
  @DisplayName("an administrator creates a team and a caseworker, renames the team and makes the caseworker its team "
      + "leader; each change is audited with what it was and what it became")
  void teamAndStaff() throws Exception {
    Response team = postJson("admin", "/api/admin/teams", Map.of("code", "vest", "name", "Team Vest"));
    assertThat(team.status()).as(String.valueOf(team.body())).isEqualTo(201);
    assertThat(team.body().path("active").asBoolean()).isTrue();

    Response created = postJson("admin", "/api/admin/users", newUser("mette", "CASEWORKER", List.of("vest")));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(created.body().path("teams").toString()).isEqualTo("[\"vest\"]");
    assertThat(created.body().path("mustChangePassword").asBoolean()).isTrue();
    assertThat(created.body().has("passwordHash")).isFalse();

    Response renamed = patchJson("admin", "/api/admin/teams/vest", Map.of("name", "Team Vestegnen"));
    assertThat(renamed.body().path("name").asText()).isEqualTo("Team Vestegnen");
    Response promoted = patchJson("admin", "/api/admin/users/mette", Map.of("role", "TEAM_LEADER",
        "email", "mette.vest@kommune.dk"));
    assertThat(promoted.status()).as(String.valueOf(promoted.body())).isEqualTo(200);
    assertThat(promoted.body().path("role").asText()).isEqualTo("TEAM_LEADER");
    assertThat(promoted.body().path("displayName").asText()).as("left out, so unchanged").isEqualTo("Mette Vest");
    assertThat(org.teamLeaders("vest")).extracting(m -> m.username()).containsExactly("mette");

    Response users = getJson("admin", "/api/admin/users");
    assertThat(users.body().findValuesAsText("username")).contains("mette", "karen", "admin");
    assertThat(administered()).contains(
        "admin: team vest created: name 'Team Vest'",
        "admin: user mette created: name 'Mette Vest', e-mail mette@kommune.dk, role CASEWORKER, teams [vest]",
        "admin: team vest changed: name 'Team Vest' -> 'Team Vestegnen'",
        "admin: user mette changed: e-mail mette@kommune.dk -> mette.vest@kommune.dk; role CASEWORKER -> TEAM_LEADER");
  }

  @Test
  @DisplayName("every administration operation is refused (403) to intake, a caseworker, a team leader and a head of "
      + "department")
  void otherRolesRefused() throws Exception {
    List<String> answers = new ArrayList<>();
    for (String user : List.of("ida", "karen", "birgitte", "hanne")) {
      answers.add(user + " GET teams " + getJson(user, "/api/admin/teams").status());
      answers.add(user + " POST teams " + postJson(user, "/api/admin/teams", Map.of("code", "x" + user,
          "name", "X")).status());
      answers.add(user + " PATCH team " + patchJson(user, "/api/admin/teams/nord", Map.of("name", "X")).status());
      answers.add(user + " GET users " + getJson(user, "/api/admin/users").status());
      answers.add(user + " GET user " + getJson(user, "/api/admin/users/karen").status());
      answers.add(user + " POST users " + postJson(user, "/api/admin/users", newUser("x" + user, "INTAKE",
          List.of())).status());
      answers.add(user + " PATCH user " + patchJson(user, "/api/admin/users/karen", Map.of("active", false))
          .status());
      answers.add(user + " POST password " + postJson(user, "/api/admin/users/karen/password",
          Map.of("password", STRONG)).status());
    }
    assertThat(answers).allSatisfy(a -> assertThat(a).endsWith(" 403"));
    assertThat(org.team("xida")).isEmpty();
    assertThat(org.account("karen").orElseThrow().active()).isTrue();
  }

  @Test
  @DisplayName("bad input is answered 400 with problem details naming every field at once, and nothing is stored: a "
      + "user name in use, an invalid e-mail, a weak password, a caseworker without a team, an unknown team")
  void badInput() throws Exception {
    int before = org.accounts().size();
    Map<String, Object> all = newUser("karen", "CASEWORKER", List.of());
    all.put("email", "karen(at)kommune");
    all.put("password", "kort");
    Response everything = postJson("admin", "/api/admin/users", all);
    Response unknownTeam = postJson("admin", "/api/admin/users", newUser("nyt.navn", "CASEWORKER",
        List.of("atlantis")));
    Response teamForIntake = postJson("admin", "/api/admin/users", newUser("nyt.navn", "INTAKE", List.of("nord")));
    Map<String, Object> spaced = newUser("Karen Holm", "INTAKE", List.of());
    spaced.put("email", "karen.holm@kommune.dk");
    Response badName = postJson("admin", "/api/admin/users", spaced);

    assertThat(everything.status()).isEqualTo(400);
    assertThat(everything.body().path("type").asText()).isEqualTo("https://trappen.dk/problems/invalid-input");
    assertThat(everything.body().path("errors").fieldNames()).toIterable()
        .contains("username", "email", "password", "teams");
    assertThat(codes(everything)).contains("username problem.admin.username.taken",
        "email problem.admin.email", "teams problem.admin.teams.required", "password problem.password.length");
    assertThat(codes(unknownTeam)).containsExactly("teams problem.admin.teams.unknown");
    assertThat(codes(teamForIntake)).containsExactly("teams problem.admin.teams.notForRole");
    assertThat(codes(badName)).containsExactly("username problem.admin.username.format");
    assertThat(org.accounts()).hasSize(before);
  }

  @Test
  @DisplayName("a new user must choose a password before using the API (403 password-change-required); a "
      + "deactivated one cannot sign in (401) until reactivated")
  void accountState() throws Exception {
    postJson("admin", "/api/admin/users", newUser("nora", "CASEWORKER", List.of("nord")));
    assertThat(basicStatus("nora", STRONG, "/api/tasks")).isEqualTo(403);
    MvcResult refused = mvc.perform(get("/api/tasks").with(httpBasic("nora", STRONG))).andReturn();
    assertThat(json.readTree(refused.getResponse().getContentAsString()).path("type").asText())
        .isEqualTo("https://trappen.dk/problems/password-change-required");

    patchJson("admin", "/api/admin/users/lars", Map.of("active", false));
    assertThat(getJson("lars", "/api/tasks").status()).isEqualTo(401);
    patchJson("admin", "/api/admin/users/lars", Map.of("active", true));
    assertThat(getJson("lars", "/api/tasks").status()).isEqualTo(200);
    assertThat(administered()).contains("admin: user lars changed: active true -> false",
        "admin: user lars changed: active false -> true");
  }

  @Test
  @DisplayName("an administrator cannot deactivate or demote themselves, and a team with active staff stays active")
  void guards() throws Exception {
    Response self = patchJson("admin", "/api/admin/users/admin", Map.of("active", false, "role", "INTAKE"));
    Response team = patchJson("admin", "/api/admin/teams/nord", Map.of("active", false));

    assertThat(codes(self)).containsExactlyInAnyOrder("active problem.admin.self", "role problem.admin.self");
    assertThat(codes(team)).containsExactly("active problem.admin.team.hasStaff");
    assertThat(org.account("admin").orElseThrow().active()).isTrue();
    assertThat(org.team("nord").orElseThrow().isActive()).isTrue();
  }

  @Test
  @DisplayName("a team leader and a head of department cover several teams; a caseworker is refused a second team, "
      + "naming the field, and nothing changes")
  void severalTeams() throws Exception {
    try {
      headAndLeaderOfTwoTeams();
    } finally {
      // the test contexts share their database: an active extra leader or head of nord would receive the notices
      // other tests expect birgitte and hanne alone to receive
      TestStaff.setActive(org, false, "agnete", "bodil");
    }
  }

  private void headAndLeaderOfTwoTeams() throws Exception {
    Response head = postJson("admin", "/api/admin/users", newUser("agnete", "HEAD", List.of("syd", "nord")));
    assertThat(head.status()).as(String.valueOf(head.body())).isEqualTo(201);
    assertThat(head.body().path("teams").toString()).as("sorted").isEqualTo("[\"nord\",\"syd\"]");
    assertThat(org.heads("nord")).extracting(m -> m.username()).contains("agnete");
    assertThat(org.heads("syd")).extracting(m -> m.username()).contains("agnete");

    Response leader = postJson("admin", "/api/admin/users", newUser("bodil", "TEAM_LEADER", List.of("nord")));
    assertThat(leader.status()).as(String.valueOf(leader.body())).isEqualTo(201);
    Response widened = patchJson("admin", "/api/admin/users/bodil", Map.of("teams", List.of("nord", "syd")));
    assertThat(widened.status()).as(String.valueOf(widened.body())).isEqualTo(200);
    assertThat(org.teamLeaders("syd")).extracting(m -> m.username()).contains("bodil");
    assertThat(org.member("bodil").orElseThrow().candidateGroups()).containsExactlyInAnyOrder("team-nord",
        "lead-nord", "team-syd", "lead-syd");
    assertThat(org.member("agnete").orElseThrow().candidateGroups()).as("a head holds no tasks").isEmpty();

    Response refused = patchJson("admin", "/api/admin/users/karen", Map.of("teams", List.of("nord", "syd")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(codes(refused)).containsExactly("teams problem.admin.teams.one");
    Response unknown = patchJson("admin", "/api/admin/users/bodil", Map.of("teams", List.of("nord", "atlantis")));
    assertThat(codes(unknown)).containsExactly("teams problem.admin.teams.unknown");
    assertThat(org.account("karen").orElseThrow().teams()).containsExactly("nord");
    assertThat(org.account("bodil").orElseThrow().teams()).containsExactly("nord", "syd");
    assertThat(administered()).contains("admin: user bodil changed: teams [nord] -> [nord, syd]");
  }

  private static List<String> codes(Response r) {
    List<String> codes = new ArrayList<>();
    r.body().path("problems").forEach(p -> codes.add(p.path("field").asText() + " " + p.path("code").asText()));
    return codes;
  }
}
