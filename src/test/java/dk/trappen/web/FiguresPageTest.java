package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.trappen.api.FiguresDataset;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** The figures page and its CSV export (the numbers themselves: FiguresHandComputedTest). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The figures page and its CSV export")
class FiguresPageTest extends PageTestSupport {

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private PasswordEncoder encoder;

  @BeforeEach
  void dataset() {
    FiguresDataset.ensure(jdbc, org, encoder);
  }

  @Test
  @DisplayName("the head sees both teams side by side and the total, a period picker, charts each with a table, and "
      + "the lists; the nav links the page")
  void headsPage() throws Exception {
    Document page = html(mvc.perform(get("/figures?from=2026-01&to=2026-03").with(as(FiguresDataset.HEAD)))
        .andReturn());
    assertThat(page.select("table.compare thead th").eachText()).contains("Team Figur A", "Team Figur B", "I alt");
    assertThat(page.select("input#from").attr("type")).isEqualTo("month");
    assertThat(page.select("input#from").val()).isEqualTo("2026-01");
    assertThat(page.select("select#team option").eachText()).containsExactly("Alle mine teams", "Team Figur A",
        "Team Figur B");
    for (String chart : List.of("satisfaction-chart", "steps-chart", "moves-chart", "kinds-chart", "intake-chart",
        "spending-chart")) {
      assertThat(page.getElementById(chart)).as(chart).isNotNull();
      assertThat(page.getElementById(chart).attr("aria-label")).as(chart).isNotBlank();
    }
    assertThat(page.select("table.satisfaction tbody tr")).hasSize(3);
    // the teams' satisfaction month by month, side by side (figa 1/2, 1/1, 1/2; figb only 1/1 in February)
    assertThat(page.getElementById("compare-chart").attr("aria-label")).isNotBlank();
    assertThat(page.select("table.compare-satisfaction thead th").eachText())
        .containsExactly("Måned", "Team Figur A", "Team Figur B", "I alt");
    assertThat(page.select("table.compare-satisfaction tbody tr").eachText()).containsExactly(
        "2026-01 50 % (1/2) – 50 % (1/2)", "2026-02 100 % (1/1) 100 % (1/1) 100 % (2/2)",
        "2026-03 50 % (1/2) – 50 % (1/2)");
    assertThat(page.select("table.satisfaction caption").text()).isNotBlank();
    assertThat(page.select("table.stalled tbody th a").eachText()).containsExactly("2026-990001");
    assertThat(page.select("ul.words q").eachText()).startsWith("Mormor er sød");
    assertThat(page.select("nav a[href='/figures']")).isNotEmpty();
    assertThat(page.select("span.role").text()).as("the header's own teams, not the page's team choices")
        .contains("Team Figur A").doesNotContain("{");
    assertThat(page.select("a#figures-csv").attr("href")).isEqualTo("/figures.csv?from=2026-01&to=2026-03");
  }

  @Test
  @DisplayName("a team leader of one team sees that team's figures, with no teams to compare")
  void leadersPage() throws Exception {
    Document page = html(mvc.perform(get("/figures?from=2026-01&to=2026-03").with(as(FiguresDataset.LEADER)))
        .andReturn());
    assertThat(page.select("table.compare thead th").eachText()).containsExactly("Mål", "Team Figur A");
    assertThat(page.getElementById("compare-chart")).isNull();
    assertThat(page.select("table.satisfaction tbody tr").eachText()).containsExactly("2026-01 2 1 50 %",
        "2026-02 1 1 100 %", "2026-03 2 1 50 %");
  }

  @Test
  @DisplayName("a bad period is named on the page and the default period shown; another team's figures are refused")
  void badPeriod() throws Exception {
    Document page = html(mvc.perform(get("/figures?from=2026-05&to=2026-01&team=nord")
        .with(as(FiguresDataset.HEAD))).andReturn());
    assertThat(page.select("ul.error li").eachText()).hasSize(2);
    assertThat(page.select("input#to").attr("aria-invalid")).isEqualTo("true");
    assertThat(mvc.perform(get("/figures").with(as("karen"))).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("the CSV is UTF-8 with a BOM, an attachment, one number a row: measure, team, month, key, value")
  void csv() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/figures.csv?from=2026-01&to=2026-03")
        .with(as(FiguresDataset.HEAD))).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/csv");
    assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
        .contains("figures-2026-01-2026-03.csv");
    String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body).startsWith("\uFEFFmeasure,team,month,key,value\r\n");
    assertThat(body).contains("satisfaction,figa,2026-01,meetings,2\r\n", "spending,ALL,,total,422292\r\n",
        "moves,figb,2026-02,down,1\r\n", "planned_saving,ALL,,total,276000\r\n",
        "caseload,figa,,figa:figcw1:weighted,2.5\r\n");
    assertThat(mvc.perform(get("/figures.csv?team=figb").with(as(FiguresDataset.LEADER))).andReturn()
        .getResponse().getStatus()).isEqualTo(400);
  }
}
