package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The lists that grow are paged: the task list and the team overview")
class ListPagingPageTest extends PageTestSupport {

  private static final int CASES = 55;

  @Test
  @DisplayName("the task list shows 50 tasks and a nav 'Side 1 af N' linking to the next page; the second page "
      + "shows other tasks and links back; the links keep the filters, also in the htmx partial")
  void taskListIsPaged() throws Exception {
    for (int i = 0; i < CASES; i++) {
      notify(newChild("Side", "Skift" + i));
    }

    Document first = page(get("/tasks"), "ida");
    int total = count(first.selectFirst("#task-table p.count").text());
    assertThat(total).isGreaterThanOrEqualTo(2 * CASES);
    int pages = (total + 49) / 50;
    assertThat(taskIds(first)).hasSize(50);
    Element nav = first.selectFirst("nav.pager");
    assertThat(nav).isNotNull();
    assertThat(nav.attr("aria-label")).isEqualTo("Sider i opgavelisten");
    assertThat(nav.text()).contains("Side 1 af " + pages);
    assertThat(nav.select("a[rel=prev]")).isEmpty();
    assertThat(nav.selectFirst("a[rel=next]").attr("href")).isEqualTo("/tasks?page=1");
    assertThat(nav.selectFirst("a[rel=next]").text()).isEqualTo("Næste side");

    Document second = page(get("/tasks").param("page", "1"), "ida");
    assertThat(taskIds(second)).hasSize(Math.min(50, total - 50)).doesNotContainAnyElementsOf(taskIds(first));
    assertThat(second.selectFirst("nav.pager").text()).contains("Side 2 af " + pages);
    assertThat(second.selectFirst("nav.pager a[rel=prev]").attr("href")).isEqualTo("/tasks");
    // the count is of the whole list, not of the page
    assertThat(count(second.selectFirst("#task-table p.count").text())).isEqualTo(total);

    // the kind filter in the query: a full first page of acute assessments, and the links keep the filter
    Document acute = page(get("/tasks").param("kind", "acute-assessment"), "ida");
    int acuteTotal = count(acute.selectFirst("#task-table p.count").text());
    assertThat(acuteTotal).isGreaterThanOrEqualTo(CASES).isLessThan(total);
    assertThat(kinds(acute)).hasSize(50).containsOnly("Akut vurdering (24 timer)");
    assertThat(acute.selectFirst("nav.pager a[rel=next]").attr("href"))
        .isEqualTo("/tasks?kind=acute-assessment&page=1");
    // the kind filter's choices come without the whole list: the kinds ida has
    assertThat(acute.select("#kind option").eachAttr("value")).contains("", "acute-assessment", "acknowledgement");

    // htmx asks for the table only: the partial carries the nav, its links keeping kind and state
    Document partial = page(get("/tasks").param("kind", "acute-assessment").param("state", "OPEN")
        .param("page", "1").header("HX-Request", "true"), "ida");
    assertThat(partial.selectFirst("h1")).isNull();
    assertThat(partial.selectFirst("#task-table nav.pager a[rel=prev]").attr("href"))
        .isEqualTo("/tasks?kind=acute-assessment&state=OPEN");
    assertThat(partial.selectFirst("#task-table [hx-boost]").attr("hx-target")).isEqualTo("#task-table");

    // the state filter in the query: 25 hours on, the acute assessments of now are overdue; the states split the kind
    later(25);
    int byState = 0;
    for (String state : List.of("OVERDUE", "AT_RISK", "OPEN", "NONE")) {
      int stateTotal = 0;
      for (int p = 0; ; p++) {
        Document d = page(get("/tasks").param("kind", "acute-assessment").param("state", state)
            .param("page", Integer.toString(p)), "ida");
        stateTotal = count(d.selectFirst("#task-table p.count").text());
        assertThat(d.select("table.tasks tbody tr").eachAttr("class")).allMatch(c -> c.contains("state-" + state));
        if (d.selectFirst("nav.pager a[rel=next]") == null) {
          break;
        }
      }
      if (state.equals("OVERDUE")) {
        assertThat(stateTotal).isGreaterThanOrEqualTo(CASES);
      }
      byState += stateTotal;
    }
    assertThat(byState).isEqualTo(acuteTotal);
  }

  @Test
  @DisplayName("the overview pages the late deadlines and the open cases, each with its own page parameter kept in "
      + "the other's links, while its figures (late count, by kind, unassigned cases) are over everything; "
      + "the deadlines API answers the same list a page at a time")
  void overviewIsPaged() throws Exception {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      created.add(notify(newChild("Overblik", "Side" + i)));
    }
    // a day on, every acute assessment of these cases is overdue
    later(25);

    Document first = page(get("/oversight"), "birgitte");
    int late = count(first.selectFirst("#late-heading").text());
    assertThat(late).isGreaterThanOrEqualTo(CASES);
    assertThat(first.select("table.late tbody tr")).hasSize(50);
    Element lateNav = first.selectFirst("nav.pager[aria-label='Sider i listen over frister']");
    assertThat(lateNav.text()).contains("Side 1 af " + (late + 49) / 50);
    assertThat(lateNav.selectFirst("a[rel=next]").attr("href")).isEqualTo("/oversight?latePage=1");
    // by kind counts every late deadline, not the page's
    int byKind = 0;
    for (Element row : first.select("table.by-kind tbody tr")) {
      byKind += Integer.parseInt(row.child(1).text()) + Integer.parseInt(row.child(2).text());
    }
    assertThat(byKind).isEqualTo(late);

    int open = count(first.selectFirst("p.count").text());
    assertThat(open).isGreaterThanOrEqualTo(CASES);
    assertThat(first.select("table.cases tbody tr")).hasSize(50);
    Element unassignedRow = first.select("table.caseload tbody tr").last();
    assertThat(Integer.parseInt(unassignedRow.child(1).text())).isGreaterThanOrEqualTo(CASES);
    Element caseNav = first.selectFirst("nav.pager[aria-label='Sider i listen over sager']");
    assertThat(caseNav.selectFirst("a[rel=next]").attr("href")).isEqualTo("/oversight?casesPage=1");

    // each list has its own page; each nav keeps the other list where it is and the state filter
    Document both = page(get("/oversight").param("latePage", "1").param("casesPage", "1")
        .param("state", "overdue"), "birgitte");
    assertThat(both.selectFirst("nav.pager[aria-label='Sider i listen over frister'] a[rel=prev]").attr("href"))
        .isEqualTo("/oversight?state=overdue&casesPage=1");
    assertThat(both.selectFirst("nav.pager[aria-label='Sider i listen over sager'] a[rel=prev]").attr("href"))
        .isEqualTo("/oversight?state=overdue&latePage=1");
    List<String> firstCases = first.select("table.cases tbody tr td:nth-child(2)").eachText();
    List<String> secondCases = both.select("table.cases tbody tr td:nth-child(2)").eachText();
    assertThat(secondCases).isNotEmpty().doesNotContainAnyElementsOf(firstCases);
    assertThat(firstCases).isSorted();
    assertThat(firstCases.get(49)).isLessThan(secondCases.get(0));
    // in case number order the newest case is on the last page, whatever other tests left in the team
    Document last = page(get("/oversight").param("casesPage", String.valueOf((open - 1) / 50)), "birgitte");
    assertThat(last.select("table.cases tbody tr td:nth-child(2)").eachText())
        .contains(created.get(created.size() - 1));

    // the API: the same late list a page at a time, the pages disjoint and the total the page's heading
    JsonNode apiFirst = api("/api/oversight/deadlines?size=30");
    JsonNode apiSecond = api("/api/oversight/deadlines?size=30&page=1");
    assertThat(apiFirst.path("page").path("totalElements").asInt()).isEqualTo(late);
    assertThat(apiFirst.path("page").path("totalPages").asInt()).isEqualTo((late + 29) / 30);
    assertThat(apiFirst.path("content")).hasSize(30);
    assertThat(apiSecond.path("content").findValuesAsText("id"))
        .doesNotContainAnyElementsOf(apiFirst.path("content").findValuesAsText("id"));
    List<String> due = new ArrayList<>(apiFirst.path("content").findValuesAsText("dueAt"));
    due.addAll(apiSecond.path("content").findValuesAsText("dueAt"));
    assertThat(due.stream().map(java.time.Instant::parse).toList()).isSorted();
    assertThat(api("/api/oversight/deadlines?state=overdue&size=1").path("page").path("totalElements").asInt())
        .isGreaterThanOrEqualTo(CASES);
  }

  private Document page(MockHttpServletRequestBuilder request, String user) throws Exception {
    var result = mvc.perform(request.with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return html(result);
  }

  private JsonNode api(String url) throws Exception {
    var result = mvc.perform(get(url).with(as("birgitte"))).andReturn();
    assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private static List<String> taskIds(Document d) {
    return d.select("table.tasks a.open").eachAttr("href");
  }

  private static List<String> kinds(Document d) {
    return d.select("table.tasks tbody tr td:nth-child(3)").eachText();
  }

  /** The first number in a text such as "112 opgaver" or "Frister i fare eller overskredne (57)". */
  private static int count(String text) {
    Matcher m = Pattern.compile("\\d[\\d.]*").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return Integer.parseInt(m.group().replace(".", ""));
  }
}
