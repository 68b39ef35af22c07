package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The task list page sorts by its column headers and saves the user's filters")
class TaskListSortingPageTest extends PageTestSupport {

  @Test
  @DisplayName("the column headers are sort links, the sorted one with aria-sort and a link the other way round; the "
      + "pager and the filter form keep the order; an unknown order shows the default")
  void headersSortAndLinksKeepTheOrder() throws Exception {
    // more than a page for ida: two tasks for each notification
    for (int i = 0; i < 26; i++) {
      notify(newChild("Orden", "Kolonne" + i));
    }
    Document plain = page(get("/tasks"), "ida");
    Element due = header(plain, "Frist");
    assertThat(due.attr("aria-sort")).isEqualTo("ascending");
    assertThat(due.selectFirst("a").attr("href")).isEqualTo("/tasks?sort=due&dir=desc");
    assertThat(header(plain, "Opgave").hasAttr("aria-sort")).isFalse();
    assertThat(header(plain, "Opgave").selectFirst("a").attr("href")).isEqualTo("/tasks?sort=kind&dir=asc");
    assertThat(header(plain, "Sag").selectFirst("a").attr("href")).isEqualTo("/tasks?sort=case&dir=asc");
    assertThat(header(plain, "Modtaget").selectFirst("a").attr("href")).isEqualTo("/tasks?sort=received&dir=asc");
    assertThat(plain.select("table.tasks th[aria-sort]")).hasSize(1);
    // the table scrolls in its own region, which a keyboard can reach
    Element region = plain.selectFirst("#task-table .table-scroll");
    assertThat(region.attr("tabindex")).isEqualTo("0");
    assertThat(region.attr("role")).isEqualTo("region");

    Document byCase = page(get("/tasks").param("sort", "case").param("dir", "desc"), "ida");
    Element caseHeader = header(byCase, "Sag");
    assertThat(caseHeader.attr("aria-sort")).isEqualTo("descending");
    assertThat(caseHeader.selectFirst("a").attr("href")).isEqualTo("/tasks?sort=case&dir=asc");
    assertThat(header(byCase, "Frist").selectFirst("a").attr("href")).isEqualTo("/tasks");
    List<String> cases = byCase.select("table.tasks tbody tr td:nth-child(4)").eachText();
    assertThat(cases).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(byCase.selectFirst("nav.pager a[rel=next]").attr("href")).isEqualTo("/tasks?sort=case&dir=desc&page=1");
    // the filter form carries the order, so that choosing another kind keeps it
    assertThat(byCase.selectFirst("form.filters[method=get] input[type=hidden][name=sort]").val()).isEqualTo("case");
    assertThat(byCase.selectFirst("form.filters[method=get] input[type=hidden][name=dir]").val()).isEqualTo("desc");
    // the second page goes on where the first stopped
    Document second = page(get("/tasks").param("sort", "case").param("dir", "desc").param("page", "1"), "ida");
    List<String> more = second.select("table.tasks tbody tr td:nth-child(4)").eachText();
    assertThat(more).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(more.get(0)).isLessThanOrEqualTo(cases.get(cases.size() - 1));
    // the headers keep the filters
    Document acute = page(get("/tasks").param("kind", "acute-assessment").param("sort", "kind"), "ida");
    assertThat(header(acute, "Opgave").attr("aria-sort")).isEqualTo("ascending");
    assertThat(header(acute, "Opgave").selectFirst("a").attr("href"))
        .isEqualTo("/tasks?kind=acute-assessment&sort=kind&dir=desc");
    assertThat(header(acute, "Frist").selectFirst("a").attr("href")).isEqualTo("/tasks?kind=acute-assessment");

    // a hand-typed unknown order is the default, not an error page
    Document unknown = page(get("/tasks").param("sort", "priority").param("dir", "sideways"), "ida");
    assertThat(header(unknown, "Frist").attr("aria-sort")).isEqualTo("ascending");
    assertThat(unknown.select("form.filters[method=get] input[type=hidden][name=sort]")).isEmpty();
  }

  @Test
  @DisplayName("'Gem filter' saves the view under a name and shows it as a link above the table, the current one "
      + "marked; a blank or duplicate name shows the page again with the problem beside the field; a filter is "
      + "deleted by its owner only")
  void savedFiltersOnThePage() throws Exception {
    notify(newChild("Gemt", "Filter"));
    MvcResult refused = mvc.perform(post("/tasks/filters").with(as("karen")).with(csrf())
        .param("name", " ").param("kind", "acute-assessment").param("sort", "priority")).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document again = html(refused);
    assertThat(again.selectFirst(".error-summary").text()).contains("Skal udfyldes").contains("sort");
    assertThat(again.selectFirst("#filter-name").attr("aria-invalid")).isEqualTo("true");
    assertThat(again.selectFirst("#filter-name").attr("aria-describedby")).isEqualTo("filter-name-error");
    assertThat(again.selectFirst("#filter-name-error").text()).isEqualTo("Skal udfyldes.");
    assertThat(again.selectFirst("form.save-filter input[name=_csrf]")).isNotNull();

    MvcResult saved = mvc.perform(post("/tasks/filters").with(as("karen")).with(csrf())
        .param("name", "Akutte bagfra").param("kind", "acute-assessment").param("state", "")
        .param("scope", "").param("sort", "case").param("dir", "desc")).andReturn();
    assertThat(saved.getResponse().getStatus()).isEqualTo(302);
    String href = "/tasks?kind=acute-assessment&sort=case&dir=desc";
    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(href);
    assertThat(saved.getFlashMap().get("flash")).isEqualTo("Filteret »Akutte bagfra« er gemt.");

    Document shown = page(get("/tasks").param("kind", "acute-assessment").param("sort", "case").param("dir", "desc"),
        "karen");
    Element link = shown.selectFirst("nav.saved-filters a:containsOwn(Akutte bagfra)");
    assertThat(link.attr("href")).isEqualTo(href);
    assertThat(link.attr("aria-current")).isEqualTo("true");
    assertThat(page(get("/tasks"), "karen").selectFirst("nav.saved-filters a:containsOwn(Akutte bagfra)")
        .hasAttr("aria-current")).isFalse();
    // the save form carries the view it saves
    assertThat(shown.selectFirst("form.save-filter input[name=sort]").val()).isEqualTo("case");
    assertThat(shown.selectFirst("form.save-filter input[name=kind]").val()).isEqualTo("acute-assessment");

    MvcResult duplicate = mvc.perform(post("/tasks/filters").with(as("karen")).with(csrf())
        .param("name", "akutte BAGFRA")).andReturn();
    assertThat(duplicate.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(duplicate).selectFirst("#filter-name-error").text())
        .isEqualTo("Du har allerede et filter med navnet »akutte BAGFRA«.");
    assertThat(html(duplicate).selectFirst("#filter-name").val()).isEqualTo("akutte BAGFRA");

    // nobody else sees it, or deletes it
    assertThat(page(get("/tasks"), "lars").select("nav.saved-filters a:containsOwn(Akutte bagfra)")).isEmpty();
    String deleteAction = shown.selectFirst("nav.saved-filters li:has(a:containsOwn(Akutte bagfra)) form")
        .attr("action");
    MvcResult notHis = mvc.perform(post(deleteAction).with(as("lars")).with(csrf())).andReturn();
    assertThat(notHis.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    assertThat(notHis.getFlashMap().get("flash")).isEqualTo("Filteret findes ikke (længere).");
    assertThat(page(get("/tasks"), "karen").select("nav.saved-filters a:containsOwn(Akutte bagfra)")).hasSize(1);

    MvcResult deleted = mvc.perform(post(deleteAction).with(as("karen")).with(csrf())).andReturn();
    assertThat(deleted.getFlashMap().get("flash")).isEqualTo("Filteret er slettet.");
    assertThat(page(get("/tasks"), "karen").select("nav.saved-filters a:containsOwn(Akutte bagfra)")).isEmpty();
  }

  private Document page(MockHttpServletRequestBuilder request, String user) throws Exception {
    MvcResult result = mvc.perform(request.with(as(user))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return html(result);
  }

  private static Element header(Document d, String name) {
    Element th = d.selectFirst("table.tasks thead th:has(a.sort span:containsOwn(" + name + "))");
    assertThat(th).as("the column header " + name).isNotNull();
    return th;
  }
}
