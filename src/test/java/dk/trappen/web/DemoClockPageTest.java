package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@DisplayName("The demo clock page")
class DemoClockPageTest extends PageTestSupport {

  /** 09:00 in Copenhagen on that day (the test clock starts at 09:00 and runs on from where the demo clock moved it). */
  private static Instant local(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 9, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant();
  }

  @Test
  @DisplayName("offers a month, moves by a typed period (P1M2D) and to a chosen date; a typed error is shown beside "
      + "its field with nothing moved")
  void movesAndRefuses() throws Exception {
    Document page = html(mvc.perform(get("/admin/clock").with(as("admin"))).andReturn());
    assertThat(page.select("#advance-P1M").text()).isEqualTo("+1 måned");
    assertThat(page.select("label[for=clock-advance]").text()).isEqualTo("Flyt tiden frem med");
    assertThat(page.select("input#clock-to[type=date]")).hasSize(1);

    MvcResult moved = mvc.perform(post("/admin/clock").param("advance", "P1M2D").with(as("admin")).with(csrf()))
        .andReturn();
    assertThat(moved.getResponse().getStatus()).isEqualTo(302);
    assertThat(now()).isBetween(local(2027, 4, 4), local(2027, 4, 4).plusSeconds(60));

    mvc.perform(post("/admin/clock").param("to", "2027-05-01").with(as("admin")).with(csrf())).andReturn();
    assertThat(now()).isBetween(local(2027, 5, 1), local(2027, 5, 1).plusSeconds(60));

    MvcResult refused = mvc.perform(post("/admin/clock").param("to", "2027-04-01").with(as("admin")).with(csrf()))
        .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document again = html(refused);
    assertThat(again.select("#clock-to-error").text()).isEqualTo("Skal flytte uret frem.");
    assertThat(again.select("#clock-to").attr("aria-invalid")).isEqualTo("true");
    assertThat(again.select("#clock-to").attr("value")).isEqualTo("2027-04-01");
    assertThat(again.select(".error-summary a[href=#clock-to]")).hasSize(1);
    assertThat(now()).as("not moved").isBetween(local(2027, 5, 1), local(2027, 5, 1).plusSeconds(60));

    Document typo = html(mvc.perform(post("/admin/clock").param("advance", "1 måned").with(as("admin"))
        .with(csrf())).andReturn());
    assertThat(typo.select("#clock-advance-error").text()).contains("»1 måned« er ikke en ISO 8601-periode");
  }
}
