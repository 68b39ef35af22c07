package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A network meeting is dated when it was held, not when it was typed in: through the engine, the timers and the
 * register.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("A meeting is dated when it was held")
class MeetingHeldApiTest extends ApiTestSupport {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Test
  @DisplayName("a meeting held in time but recorded after its deadline (which escalated meanwhile) counts as met in "
      + "time; the register shows when it was held and when it was recorded; the next meeting is due by the end of the "
      + "56th day from when it was held; a time in the future or beyond the limit is refused naming heldAt")
  void heldInTimeRecordedLate() throws Exception {
    String caseNumber = caseWithRunningIntervention("0505134634", "2013-05-05");
    JsonNode first = last(deadlines(caseNumber, "NETWORK_MEETING"));
    Instant due = Instant.parse(first.path("dueAt").asText());

    moveClockTo(due.plus(Duration.ofDays(2)));
    fireDueJobs();
    assertThat(last(deadlines(caseNumber, "NETWORK_MEETING")).path("escalatedAt").isNull())
        .as("nobody knew it was held: escalated").isFalse();

    Response future = complete("karen", caseNumber, "network-meeting", meeting(now().plus(Duration.ofHours(1))));
    Response tooEarly = complete("karen", caseNumber, "network-meeting", meeting(now().minus(Duration.ofDays(31))));
    for (Response refused : List.of(future, tooEarly)) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("errors").has("heldAt")).as(String.valueOf(refused.body())).isTrue();
    }

    Instant held = due.minus(Duration.ofHours(20));
    Instant recorded = now();
    assertThat(complete("karen", caseNumber, "network-meeting", meeting(held)).status()).isEqualTo(204);

    List<JsonNode> rows = deadlines(caseNumber, "NETWORK_MEETING");
    assertThat(rows).hasSize(2);
    JsonNode met = rows.get(0);
    assertThat(met.path("state").asText()).isEqualTo("MET");
    assertThat(Instant.parse(met.path("metAt").asText())).isEqualTo(held);
    assertThat(Instant.parse(met.path("metRecordedAt").asText())).isEqualTo(recorded);
    assertThat(met.path("missedAt").isNull()).as("held in time: not missed").isTrue();
    assertThat(met.path("escalatedAt").isNull()).as("the escalation happened and stays on record").isFalse();
    assertThat(Instant.parse(rows.get(1).path("dueAt").asText()))
        .isEqualTo(held.atZone(CPH).toLocalDate().plusDays(56).atTime(23, 59, 59).atZone(CPH).toInstant());
  }

  private Map<String, Object> meeting(Instant heldAt) {
    Map<String, Object> m = new HashMap<>();
    m.put("heldAt", heldAt.toString());
    m.put("participants", List.of(Map.of("role", "YOUTH", "name", "Alma"), Map.of("role", "PARENT", "name", "Mor")));
    m.put("goalProgress", List.of());
    m.put("youthSatisfaction", 4);
    m.put("youthVoice", "Godt.");
    m.put("decision", "CONTINUE");
    m.put("decisionNote", "Fortsætter.");
    return m;
  }

  /** A case on team nord with a running intervention on step PREVENTIVE; returns its number. */
  private String caseWithRunningIntervention(String cpr, String birth) throws Exception {
    return caseWithRunningIntervention(cpr, LocalDate.parse(birth), LocalDate.of(2028, 12, 31), "EARLY_HELP");
  }

  private List<JsonNode> deadlines(String caseNumber, String kind) throws Exception {
    Response theCase = getJson("karen", "/api/cases/" + caseNumber);
    assertThat(theCase.status()).isEqualTo(200);
    List<JsonNode> rows = new ArrayList<>();
    theCase.body().path("deadlines").forEach(d -> {
      if (kind.equals(d.path("kind").asText())) {
        rows.add(d);
      }
    });
    rows.sort(Comparator.comparing(d -> d.path("id").asLong()));
    return rows;
  }

  private static JsonNode last(List<JsonNode> rows) {
    assertThat(rows).isNotEmpty();
    return rows.get(rows.size() - 1);
  }
}
