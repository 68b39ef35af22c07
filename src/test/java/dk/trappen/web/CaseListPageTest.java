package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The case lists (/cases) and the header's case search")
class CaseListPageTest extends PageTestSupport {

  private Document page(String url, String user) throws Exception {
    MvcResult r = mvc.perform(get(url).with(as(user))).andReturn();
    assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
    return html(r);
  }

  @Test
  @DisplayName("the header of a caseworker, intake, team leader and head has a labelled search form to /cases and "
      + "'Sager' in the navigation; an administrator's has neither and /cases refuses them")
  void headerSearchBox() throws Exception {
    for (String user : new String[] {"karen", "ida", "birgitte", "hanne"}) {
      Document d = page("/cases", user);
      Element form = d.selectFirst("header form[role=search]");
      assertThat(form).as(user).isNotNull();
      assertThat(form.attr("action")).isEqualTo("/cases");
      assertThat(form.attr("method")).isEqualTo("get");
      assertThat(form.attr("aria-label")).isEqualTo("Søg efter sager");
      Element input = form.selectFirst("input[name=query]");
      assertThat(d.selectFirst("label[for=" + input.id() + "]").text()).isEqualTo("Find sag");
      assertThat(d.select("header nav a[href=/cases]").text()).isEqualTo("Sager");
    }
    Document admin = page("/admin/users", "admin");
    assertThat(admin.select("header form[role=search]")).isEmpty();
    assertThat(admin.select("header nav a[href=/cases]")).isEmpty();
    assertThat(mvc.perform(get("/cases").with(as("admin"))).andReturn().getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  @DisplayName("karen's team list and her own list: rows link to the case page, in a labelled scroll region, with "
      + "the tabs 'Mine sager' and 'Teamets sager'; a CPR search finds the child's case")
  void caseworkerLists() throws Exception {
    TestChild child = newChild("Liste", "Sagsen");
    String caseNumber = notify(child);
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    // karen takes the investigation's task and with it the case
    tasks.claim(tasks.tasksOfCase(caseNumber).stream().filter(t -> "Task_Investigation".equals(t.taskKey()))
        .findFirst().orElseThrow().id(), org.member("karen").orElseThrow());

    Document team = page("/cases?sort=caseNumber", "karen");
    assertThat(team.selectFirst("h1").text()).isEqualTo("Sager");
    assertThat(team.select("nav.list-tabs a").eachText()).containsExactly("Mine sager", "Teamets sager");
    assertThat(team.selectFirst("nav.list-tabs a[aria-current=page]").text()).isEqualTo("Teamets sager");
    Element region = team.selectFirst(".table-scroll");
    assertThat(region.attr("tabindex")).isEqualTo("0");
    assertThat(region.attr("role")).isEqualTo("region");
    assertThat(team.getElementById(region.attr("aria-labelledby")).tagName()).isEqualTo("caption");
    assertThat(team.select("table.cases th").eachText()).contains("Sagsbehandler");
    assertThat(team.select("#case-sort option[selected]").attr("value")).isEqualTo("caseNumber");

    Document mine = page("/cases?mine=true", "karen");
    assertThat(mine.selectFirst("nav.list-tabs a[aria-current=page]").text()).isEqualTo("Mine sager");
    assertThat(mine.select("table.cases a[href=/cases/" + caseNumber + "]")).hasSize(1);
    assertThat(mine.select("input[name=mine]").attr("value")).isEqualTo("true");

    Document found = page("/cases?query=" + child.formattedCpr(), "karen");
    assertThat(found.select("table.cases tbody tr")).hasSize(1);
    Element row = found.selectFirst("table.cases tbody tr");
    assertThat(row.text()).contains(caseNumber, child.name(), "Team Nord", "karen", "Åben");
    assertThat(found.selectFirst("#case-query").val()).isEqualTo(child.formattedCpr());
    // the rows show the birth date, never the CPR number (the search box keeps what was typed)
    assertThat(found.selectFirst("table.cases").html()).doesNotContain(child.cpr().substring(6));
    // sofie of syd finds nothing by the same CPR
    assertThat(page("/cases?query=" + child.cpr(), "sofie").select("table.cases")).isEmpty();
  }

  @Test
  @DisplayName("intake is asked to search first; a search shows intake's fields only (no caseworker) and links to "
      + "the case page, which shows intake its intake view")
  void intakeSearches() throws Exception {
    TestChild child = newChild("Modtaget", "Sagsen");
    String caseNumber = notify(child);
    Document empty = page("/cases", "ida");
    assertThat(empty.selectFirst("p.hint")).isNotNull();
    assertThat(empty.select("table.cases")).isEmpty();
    assertThat(empty.select("nav.list-tabs")).isEmpty();

    Document found = page("/cases?query=" + child.cpr(), "ida");
    assertThat(found.select("table.cases th").eachText()).doesNotContain("Sagsbehandler");
    Element link = found.selectFirst("table.cases a[href=/cases/" + caseNumber + "]");
    assertThat(link).isNotNull();
    Document target = page(link.attr("href"), "ida");
    assertThat(target.selectFirst("section.intake-view")).isNotNull();
  }
}
