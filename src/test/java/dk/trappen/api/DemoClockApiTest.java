package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@DisplayName("The demo clock API moves by months and years or to a date, and refuses what would not move it forward")
class DemoClockApiTest extends ApiTestSupport {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Test
  @DisplayName("P1M moves a calendar month, from Tue 2 March 2027 09:00 to Fri 2 April 09:00 across the change to "
      + "summer time; then a date moves to that day at the same time of day")
  void monthsAndDates() throws Exception {
    Response month = postJson("admin", "/api/demo/clock", Map.of("advance", "P1M"));
    assertThat(month.status()).as(String.valueOf(month.body())).isEqualTo(200);
    // the clock runs on from where it was moved to
    assertThat(Instant.parse(month.body().path("now").asText())).isBetween(local(2027, 4, 2), local(2027, 4, 2)
        .plusSeconds(60));
    assertThat(month.body().path("zone").asText()).isEqualTo("Europe/Copenhagen");

    Response date = postJson("admin", "/api/demo/clock", Map.of("to", "2027-04-12"));
    assertThat(date.status()).as(String.valueOf(date.body())).isEqualTo(200);
    assertThat(Instant.parse(date.body().path("now").asText())).isBetween(local(2027, 4, 12), local(2027, 4, 12)
        .plusSeconds(60));
  }

  private static Instant local(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 9, 0).atZone(CPH).toInstant();
  }

  @Test
  @DisplayName("backwards, both at once, no period and no date: 400 naming the field, and the clock has not moved")
  void refusals() throws Exception {
    refused(Map.of("advance", "P-1D"), "advance", "problem.demoClock.backwards");
    refused(Map.of("to", "2027-03-01"), "to", "problem.demoClock.backwards");
    refused(Map.of("advance", "P1D", "to", "2027-06-01"), "to", "problem.demoClock.oneOf");
    refused(Map.of("advance", "a while"), "advance", "problem.demoClock.notADuration");
    refused(Map.of("to", "2027-02-30"), "to", "problem.demoClock.notADate");
    Map<String, Object> empty = new HashMap<>();
    empty.put("advance", null);
    refused(empty, "advance", "problem.demoClock.required");
  }

  private void refused(Map<String, Object> body, String field, String code) throws Exception {
    Response r = postJson("admin", "/api/demo/clock", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(400);
    JsonNode problem = r.body().path("problems").get(0);
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(Instant.parse(getJson("admin", "/api/demo/clock").body().path("now").asText()))
        .as("the clock has not moved").isEqualTo(START);
  }
}
