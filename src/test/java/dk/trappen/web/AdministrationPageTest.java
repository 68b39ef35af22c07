package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.org.StaffAccount;
import dk.trappen.security.SignInThrottle;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administration pages ({@code /admin/users}, {@code /admin/teams}) and a user's own password page: the same
 * checks as the API, every problem beside its field in Danish; and a deactivated caseworker's work on the team
 * leader's overview, ready to be handed over.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The administration pages")
class AdministrationPageTest extends PageTestSupport {

  @Autowired
  private SignInThrottle throttle;

  @Test
  @DisplayName("a new user with bad input comes back with each problem beside its field, what was typed kept and the "
      + "password not; a good one is created and must choose a password at the first sign-in")
  void newUser() throws Exception {
    MvcResult bad = mvc.perform(post("/admin/users/new").with(as("admin")).with(csrf())
        .param("username", "karen").param("displayName", "Karen Igen").param("email", "karen@")
        .param("role", "CASEWORKER").param("teams[0]", "").param("password", "kort")).andReturn();

    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    Document page = html(bad);
    assertThat(page.select(".field-error").eachAttr("id"))
        .containsExactly("username-error", "email-error", "teams-error", "password-error");
    assertThat(page.select("#username-error").text()).isEqualTo("Brugernavnet »karen« er i brug.");
    assertThat(page.select("#teams-error").text()).isEqualTo("Vælg et team: sagsbehandlere hører til ét team, teamledere og afdelingsledere til et eller flere.");
    assertThat(page.select("#displayName").val()).isEqualTo("Karen Igen");
    assertThat(page.select("#password").val()).isEmpty();
    assertThat(page.select(".error-summary a").first().attr("href")).isEqualTo("#username");

    MvcResult good = mvc.perform(post("/admin/users/new").with(as("admin")).with(csrf())
        .param("username", "vibeke").param("displayName", "Vibeke Dal").param("email", "vibeke@kommune.dk")
        .param("role", "CASEWORKER").param("teams[0]", "nord").param("password", "Trappe-Trin-2027!")).andReturn();
    assertThat(good.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/vibeke");
    StaffAccount vibeke = org.account("vibeke").orElseThrow();
    assertThat(vibeke.mustChangePassword()).isTrue();
    assertThat(vibeke.teams()).containsExactly("nord");

    MvcResult forced = mvc.perform(get("/tasks").with(as("vibeke"))).andReturn();
    assertThat(forced.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
    Document list = html(mvc.perform(get("/admin/users").with(as("admin"))).andReturn());
    assertThat(list.select("td").eachText()).contains("vibeke", "Aktiv, skal vælge adgangskode");
  }

  @Test
  @DisplayName("a user changes their own password: a wrong current one and a weak new one are refused at once, a "
      + "good one stored")
  void ownPassword() throws Exception {
    MvcResult bad = mvc.perform(post("/account/password").with(as("lars")).with(csrf())
        .param("currentPassword", "forkert").param("newPassword", "abc").param("repeatPassword", "abd")).andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(bad).select(".field-error").eachAttr("id"))
        .containsExactly("currentPassword-error", "newPassword-error", "repeatPassword-error");

    String hashBefore = org.credentials("lars").orElseThrow().getPasswordHash();
    MvcResult good = mvc.perform(post("/account/password").with(as("lars")).with(csrf())
        .param("currentPassword", dk.trappen.api.TestStaff.PASSWORD).param("newPassword", "Ny-Stærk-Kode-2027")
        .param("repeatPassword", "Ny-Stærk-Kode-2027")).andReturn();
    assertThat(good.getResponse().getRedirectedUrl()).isEqualTo("/");
    assertThat(org.credentials("lars").orElseThrow().getPasswordHash()).isNotEqualTo(hashBefore);
    org.setPassword("lars", hashBefore, false, Instant.now());
  }

  @Test
  @DisplayName("a caseworker deactivated on the page loses their session at the next request, and their open case "
      + "shows on the team leader's overview as needing a new caseworker, with a form to hand it over")
  void deactivation() throws Exception {
    TestChild child = newChild("Orla", "Forladt");
    String caseNumber = caseWithRunningIntervention(child);
    String holder = cases.get(caseNumber).caseworker();
    assertThat(holder).isNotNull();

    MvcResult saved = mvc.perform(post("/admin/users/" + holder).with(as("admin")).with(csrf())
        .param("displayName", org.account(holder).orElseThrow().displayName()).param("role", "CASEWORKER")
        .param("teams[0]", "nord").param("active", "false")).andReturn();
    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + holder);
    try {
      MvcResult ended = mvc.perform(get("/tasks").with(as(holder))).andReturn();
      assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/login?ended");

      Document overview = html(mvc.perform(get("/oversight").with(as("birgitte"))).andReturn());
      assertThat(overview.select("#orphaned-heading").text()).isEqualTo("Skal have en ny sagsbehandler");
      assertThat(overview.select(".orphaned input[name=caseNumbers]").eachAttr("value")).contains(caseNumber);
      assertThat(overview.select(".orphaned select[name=caseworker] option").eachAttr("value"))
          .doesNotContain(holder);
    } finally {
      StaffAccount a = org.account(holder).orElseThrow();
      org.updateAccount(new StaffAccount(a.username(), a.displayName(), a.email(), a.role(), a.teams(), true,
          false, null), Instant.now());
    }
  }

  @Test
  @DisplayName("a team is created on the page; a code in use is refused beside its field")
  void teams() throws Exception {
    MvcResult taken = mvc.perform(post("/admin/teams").with(as("admin")).with(csrf())
        .param("code", "nord").param("name", "Nord igen")).andReturn();
    assertThat(taken.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(taken).select("#code-error").text()).isEqualTo("Teamkoden »nord« er i brug.");

    MvcResult created = mvc.perform(post("/admin/teams").with(as("admin")).with(csrf())
        .param("code", "oest").param("name", "Team Øst")).andReturn();
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/teams");
    assertThat(html(mvc.perform(get("/admin/teams").with(as("admin"))).andReturn()).select("td").eachText())
        .contains("oest", "Team Øst");
  }

  @Test
  @DisplayName("the rules in force show each deadline with what it counts, its legal basis and when it reaches the "
      + "head, the calendar (end of the last day, closing days, 29 February) and the staircase")
  void rulesInForce() throws Exception {
    Document page = html(mvc.perform(get("/admin/rules").with(as("admin"))).andReturn());

    assertThat(page.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
        .startsWith("Akut vurdering 24 timer efter (faktiske timer) 4 timer før")
        .endsWith("Barnets Lov §§ 136–137 24 timer"));
    assertThat(page.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
        .startsWith("Børnefaglig undersøgelse ved udgangen af dagen 4 måneder efter (kalender) 14 dage før")
        .endsWith(" 14 dage"));
    assertThat(page.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
        .startsWith("Kvittering ved udgangen af 6. arbejdsdag efter").endsWith(" 2 arbejdsdage"));
    assertThat(page.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
        .startsWith("Ungeplan ved udgangen af dagen 3 måneder efter 16-årsdagen")
        .contains("Barnets Lov § 108, stk. 3 (senest 3 måneder efter det fyldte 16. år)"));
    assertThat(page.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
        .startsWith("Efterværn ved udgangen af dagen 6 måneder før 18-årsdagen").contains("Barnets Lov § 111, stk. 1"));
    assertThat(page.select("thead th").eachText()).contains("Til afdelingsleder efter");
    assertThat(page.select("caption").eachText()).containsExactly("Frister", "Indsatstrappen");
    // the calendar the deadlines count in: the end of the last day, the closing days and the 29 February setting
    assertThat(page.select("h2").eachText()).contains("Kalender");
    assertThat(page.select("dl.admin-calendar dd").eachText()).containsExactly("5. juni, 24. december, 31. december",
        "ingen", "Fødselsdag 1. marts i år uden 29. februar (valgt i konfigurationen; ingen lovregel fundet)");
    assertThat(page.text()).contains("udløber ved udgangen af den sidste dag (kl. 23.59.59 dansk tid)");
  }

  @Test
  @DisplayName("an administrator lifts a sign-in lock on the user's page")
  void unlock() throws Exception {
    for (int i = 0; i < 50 && throttle.lockOf("lars", "192.0.2.9").isEmpty(); i++) {
      throttle.failed("lars", "198.51.100." + i);
    }
    assertThat(throttle.lockOf("lars", "192.0.2.9")).as("locked after failed sign-ins").isPresent();

    MvcResult lifted = mvc.perform(post("/admin/users/lars/unlock").with(as("admin")).with(csrf())).andReturn();

    assertThat(lifted.getFlashMap().get("flash")).isEqualTo("Spærringen af lars er ophævet.");
    assertThat(throttle.lockOf("lars", "192.0.2.9")).isEmpty();
  }
}
