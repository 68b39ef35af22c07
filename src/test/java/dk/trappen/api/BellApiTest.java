package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import dk.trappen.org.OrgService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bell (issue 18): what became mine and what escalated to me since I last looked, in the header's count, on the
 * page and over the API; and the team leader's list of cases without an active caseworker. Each test works on a
 * clock of its own, weeks after the other tests' cases, and on cases of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The bell says what became mine and what escalated to me, and the team leader sees the cases nobody "
    + "holds")
class BellApiTest extends ApiTestSupport {

  @Autowired
  private CaseService cases;
  @Autowired
  private OrgService org;
  @Autowired
  private AuditService audit;

  /** A notification about a new child for team nord, received now; its acute assessment done; the case number. */
  private String investigatedCase() throws Exception {
    String caseNumber = newCase();
    assertThat(complete("ida", caseNumber, "acute-assessment",
        Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")).status()).isEqualTo(204);
    return caseNumber;
  }

  /** A notification about a new child (a CPR number no other test uses) for team nord, received now. */
  private String newCase() throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.of(2013, 1 + random.nextInt(12), 1 + random.nextInt(28));
    String cpr = String.format("%02d%02d13%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), 4,
        random.nextInt(1000));
    Response created = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Alma", "lastName", "Klokke", "birthDate", birth.toString()),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Vestre Skole", "concern", "Meget fravær.",
        "receivedAt", now().toString(), "team", "nord"));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    return created.body().path("caseNumber").asText();
  }

  private JsonNode bell(String user) throws Exception {
    Response r = getJson(user, "/api/me/bell");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body();
  }

  /** The items of one list of the bell ("fresh" or "seen") on the case, as "KIND taskKind". */
  private static List<String> itemsOn(JsonNode bell, String list, String caseNumber) {
    List<String> items = new ArrayList<>();
    bell.path(list).forEach(i -> {
      if (caseNumber.equals(i.path("caseNumber").asText())) {
        items.add(i.path("kind").asText() + (i.path("taskKind").isNull() ? "" : " " + i.path("taskKind").asText()));
      }
    });
    return items;
  }

  private Document page(String user, String role, String url) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(url).with(user(user).roles(role))).andReturn().getResponse();
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return Jsoup.parse(response.getContentAsString());
  }

  /** The header's bell link on a page the user opens. */
  private Element headerBell(String user, String role) throws Exception {
    Element bell = page(user, role, "/cases").selectFirst("header a.bell");
    assertThat(bell).as("the header's bell of " + user).isNotNull();
    return bell;
  }

  @Test
  @DisplayName("a task reassigned to karen and the next task routed to her are new in her bell (count, page, API) and "
      + "not in lars's; once she has opened the page the count is 0 and they are seen; the page's read is audited; "
      + "the administrator has no bell and is refused it")
  void newlyAssignedTasks() throws Exception {
    moveClockTo(START.plus(Duration.ofDays(30)));
    String caseNumber = investigatedCase();
    String investigation = taskId("birgitte", caseNumber, "investigation");
    assertThat(itemsOn(bell("karen"), "fresh", caseNumber)).as("nobody holds it yet").isEmpty();

    moveClockTo(now().plus(Duration.ofMinutes(5)));
    assertThat(postJson("birgitte", "/api/reassignments/tasks",
        Map.of("taskIds", List.of(investigation), "assignee", "karen")).status()).isEqualTo(200);
    assertThat(itemsOn(bell("karen"), "fresh", caseNumber)).containsExactly("TASK investigation");
    assertThat(itemsOn(bell("lars"), "fresh", caseNumber)).isEmpty();
    assertThat(itemsOn(bell("lars"), "seen", caseNumber)).isEmpty();

    // she does the investigation: the case is hers, and its next task goes straight to her (TaskRouting)
    moveClockTo(now().plus(Duration.ofHours(1)));
    assertThat(complete("karen", caseNumber, "investigation", Map.of(
        "findings", "Familien mangler struktur.", "youthPerspective", "Jeg vil bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION")).status()).isEqualTo(204);
    JsonNode karens = bell("karen");
    assertThat(itemsOn(karens, "fresh", caseNumber)).as("the completed investigation is no longer hers")
        .containsExactly("TASK choose-step");
    assertThat(itemsOn(bell("lars"), "fresh", caseNumber)).isEmpty();
    long count = karens.path("newCount").asLong();
    assertThat(count).isPositive();

    Element bell = headerBell("karen", "CASEWORKER");
    assertThat(bell.attr("aria-label")).isEqualTo("Nyt til dig: " + count);
    assertThat(bell.select(".bell-count").text()).isEqualTo(count > 99 ? "99+" : Long.toString(count));

    Document opened = page("karen", "CASEWORKER", "/bell");
    Element fresh = opened.selectFirst("ul[aria-labelledby=bell-new]");
    assertThat(fresh).isNotNull();
    String chooseStep = taskId("karen", caseNumber, "choose-step");
    assertThat(fresh.select("a[href=/cases/" + caseNumber + "]")).isNotEmpty();
    assertThat(fresh.select("a[href=/tasks/" + chooseStep + "]").text()).isEqualTo("Vælg trin på trappen");
    assertThat(opened.selectFirst("header a.bell").attr("aria-label")).isEqualTo("Nyt til dig: intet nyt");
    assertThat(audit.ofCase(cases.get(caseNumber).id())).extracting(v -> v.username() + " " + v.what())
        .contains("karen bell");

    assertThat(bell("karen").path("newCount").asLong()).isZero();
    assertThat(itemsOn(bell("karen"), "seen", caseNumber)).containsExactly("TASK choose-step");
    Element after = headerBell("karen", "CASEWORKER");
    assertThat(after.select(".bell-count")).isEmpty();
    assertThat(after.attr("aria-label")).isEqualTo("Nyt til dig: intet nyt");

    assertThat(getJson("admin", "/api/me/bell").status()).isEqualTo(403);
    assertThat(mvc.perform(get("/bell").with(user("admin").roles("ADMIN"))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(page("admin", "ADMIN", "/admin/users").select("header a.bell")).isEmpty();
  }

  @Test
  @DisplayName("a deadline escalated to the team leader of nord is new in birgitte's bell, with its subject, and not "
      + "in henrik's")
  void escalationToMe() throws Exception {
    moveClockTo(START.plus(Duration.ofDays(60)));
    String caseNumber = newCase();
    // the acute assessment is due within 24 hours: a day and an hour later it has escalated to the team leader
    moveClockTo(now().plus(Duration.ofHours(25)));
    String processInstance = cases.get(caseNumber).processInstanceId();
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstance).executable().list();
      if (due.isEmpty()) {
        break;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }

    JsonNode birgittes = bell("birgitte");
    assertThat(itemsOn(birgittes, "fresh", caseNumber)).containsExactly("ESCALATED");
    birgittes.path("fresh").forEach(i -> {
      if (caseNumber.equals(i.path("caseNumber").asText())) {
        assertThat(i.path("subject").asText()).contains(caseNumber);
      }
    });
    assertThat(itemsOn(bell("henrik"), "fresh", caseNumber)).isEmpty();
    assertThat(itemsOn(bell("henrik"), "seen", caseNumber)).isEmpty();
    assertThat(headerBell("birgitte", "TEAM_LEADER").attr("aria-label"))
        .isEqualTo("Nyt til dig: " + birgittes.path("newCount").asLong());

    Document opened = page("birgitte", "TEAM_LEADER", "/bell");
    assertThat(opened.select("ul[aria-labelledby=bell-new] a[href=/cases/" + caseNumber + "]")).isNotEmpty();
    assertThat(bell("birgitte").path("newCount").asLong()).isZero();
    assertThat(itemsOn(bell("birgitte"), "seen", caseNumber)).containsExactly("ESCALATED");
  }

  private List<String> withoutCaseworker(String leader) throws Exception {
    Response r = getJson(leader, "/api/oversight/cases-without-caseworker");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    r.body().forEach(c -> rows.add(c.path("caseNumber").asText() + " "
        + (c.path("caseworker").isNull() ? "-" : c.path("caseworker").asText() + " " + c.path("caseworkerName").asText())));
    return rows;
  }

  @Test
  @DisplayName("a case nobody was given, and one whose caseworker is deactivated, are in birgitte's list of cases "
      + "without a caseworker (API and oversight page) and not in henrik's; a case with an active caseworker is not")
  void casesWithoutCaseworker() throws Exception {
    moveClockTo(START.plus(Duration.ofDays(90)));
    String nobodys = investigatedCase();
    String larss = investigatedCase();
    assertThat(postJson("birgitte", "/api/reassignments/cases",
        Map.of("caseNumbers", List.of(larss), "caseworker", "lars")).status()).isEqualTo(200);

    assertThat(withoutCaseworker("birgitte")).contains(nobodys + " -").noneMatch(r -> r.startsWith(larss));
    assertThat(withoutCaseworker("henrik")).noneMatch(r -> r.startsWith(nobodys) || r.startsWith(larss));

    TestStaff.setActive(org, false, "lars");
    try {
      assertThat(withoutCaseworker("birgitte")).contains(nobodys + " -", larss + " lars Lars");
      assertThat(withoutCaseworker("henrik")).noneMatch(r -> r.startsWith(nobodys) || r.startsWith(larss));
      Document overview = page("birgitte", "TEAM_LEADER", "/oversight");
      Element table = overview.selectFirst("table.without-caseworker");
      assertThat(table).isNotNull();
      assertThat(table.select("a[href=/cases/" + larss + "]")).isNotEmpty();
      assertThat(table.select("a[href=/cases/" + nobodys + "]")).isNotEmpty();
      assertThat(table.text()).contains("Lars (ikke længere aktiv i teamet)", "Ingen sagsbehandler");
      assertThat(overview.selectFirst("#without-caseworker-heading").text()).startsWith("Sager uden sagsbehandler");
      assertThat(page("henrik", "TEAM_LEADER", "/oversight").select("table.without-caseworker a[href=/cases/"
          + larss + "]")).isEmpty();
    } finally {
      TestStaff.setActive(org, true, "lars");
    }
    assertThat(withoutCaseworker("birgitte")).noneMatch(r -> r.startsWith(larss));
  }
}
