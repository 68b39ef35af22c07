package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.org.OrgService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Who gets GET /api/figures, for which teams and periods. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The figures over the API: own teams only, a period of whole months")
class FiguresApiTest extends ApiTestSupport {

  @Autowired
  private OrgService org;
  @Autowired
  private PasswordEncoder encoder;
  @Autowired
  private JdbcTemplate jdbc;

  @BeforeEach
  void dataset() {
    FiguresDataset.ensure(jdbc, org, encoder);
  }

  @Test
  @DisplayName("a team leader gets their own team's figures (the period defaulting to the last 12 months); another "
      + "team is a problem naming team")
  void teamLeader() throws Exception {
    Response own = getJson("birgitte", "/api/figures");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().path("teams")).extracting(t -> t.path("team").asText()).containsExactly("nord");
    assertThat(own.body().path("from").asText()).isEqualTo("2026-04");
    assertThat(own.body().path("to").asText()).isEqualTo("2027-03");
    assertThat(own.body().path("months")).hasSize(12);

    Response mine = getJson(FiguresDataset.LEADER, "/api/figures?from=2026-01&to=2026-03&team=figa");
    assertThat(mine.body().path("total").path("satisfaction").path("meetings").asLong()).isEqualTo(5);

    Response other = getJson("birgitte", "/api/figures?team=syd");
    assertThat(other.status()).isEqualTo(400);
    assertThat(other.body().path("problems").get(0).path("field").asText()).isEqualTo("team");
  }

  @Test
  @DisplayName("a caseworker, intake and an administrator are refused with 403")
  void others() throws Exception {
    assertThat(getJson("karen", "/api/figures").status()).isEqualTo(403);
    assertThat(getJson("ida", "/api/figures").status()).isEqualTo(403);
    assertThat(getJson("admin", "/api/figures").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("to before from, more than 36 months and a malformed month are problems naming the field")
  void badPeriods() throws Exception {
    assertField(getJson("birgitte", "/api/figures?from=2026-05&to=2026-01"), "to");
    assertField(getJson("birgitte", "/api/figures?from=2023-01&to=2026-01"), "from");
    assertField(getJson("birgitte", "/api/figures?from=2026-13&to=2026-12"), "from");
    assertField(getJson("birgitte", "/api/figures?from=2026-01&to=december"), "to");
    assertThat(getJson("birgitte", "/api/figures?from=2024-01&to=2026-12").status()).as("36 months").isEqualTo(200);
  }

  private static void assertField(Response r, String field) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(400);
    assertThat(r.body().path("problems").get(0).path("field").asText()).isEqualTo(field);
    assertThat(r.body().path("type").asText()).isNotBlank();
  }
}
