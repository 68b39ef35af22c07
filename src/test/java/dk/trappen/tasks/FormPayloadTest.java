package dk.trappen.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.meetings.NetworkMeetingInput;
import dk.trappen.plan.PlanInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Form parameters become the JSON payload of the task's kind. */
@DisplayName("Form parameters to payload")
class FormPayloadTest {

  private static Map<String, String[]> params(String... pairs) {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], new String[] {pairs[i + 1]});
    }
    return out;
  }

  @Test
  @DisplayName("numbers and booleans take the payload's types, empty values are absent and other parameters ignored")
  void typesAndEmptyValues() {
    FormPayload.Converted c = FormPayload.convert(params(
        "_csrf", "token", "youthSatisfaction", "4", "interventionId", "", "decision", "CONTINUE",
        "goalProgress[0].goalId", "17", "goalProgress[0].progress", "10", "goalProgress[0].comment", " ",
        "participants[0].role", "YOUTH", "participants[0].name", "Emil", "noSuchField", "x"),
        NetworkMeetingInput.class, false);
    JsonNode json = c.json();
    assertThat(json.get("youthSatisfaction").isIntegralNumber()).isTrue();
    assertThat(json.get("youthSatisfaction").asInt()).isEqualTo(4);
    assertThat(json.has("interventionId")).isFalse();
    assertThat(json.has("_csrf")).isFalse();
    assertThat(json.has("noSuchField")).isFalse();
    assertThat(json.at("/goalProgress/0/goalId").asLong()).isEqualTo(17);
    assertThat(json.at("/goalProgress/0/progress").isIntegralNumber()).isTrue();
    assertThat(json.at("/goalProgress/0").has("comment")).isFalse();
    assertThat(json.at("/participants/0/name").asText()).isEqualTo("Emil");
  }

  @Test
  @DisplayName("text that is not a number stays text, so that the service names the field and the problem")
  void notANumberStaysText() {
    JsonNode json = FormPayload.convert(params("youthSatisfaction", "fire"), NetworkMeetingInput.class, false).json();
    assertThat(json.get("youthSatisfaction").isTextual()).isTrue();
  }

  @Test
  @DisplayName("empty list rows are dropped and the rest renumbered, in the payload and in the values shown again")
  void emptyRowsDropped() {
    FormPayload.Converted c = FormPayload.convert(params(
        "youthOwnWords", "Mine ord",
        "goals[0].title", "", "goals[0].subGoals[0].title", "",
        "goals[3].title", "Skole", "goals[3].youthOwn", "true",
        "goals[3].subGoals[0].title", "", "goals[3].subGoals[2].title", "Vækkeur",
        "goals[3].subGoals[2].targetDate", "2028-01-01"), PlanInput.class, false);
    JsonNode json = c.json();
    assertThat(json.get("goals")).hasSize(1);
    assertThat(json.at("/goals/0/youthOwn").isBoolean()).isTrue();
    assertThat(json.at("/goals/0/subGoals")).hasSize(1);
    assertThat(json.at("/goals/0/subGoals/0/title").asText()).isEqualTo("Vækkeur");
    assertThat(c.values()).containsEntry("goals[0].title", "Skole")
        .containsEntry("goals[0].subGoals[0].targetDate", "2028-01-01")
        .containsEntry("youthOwnWords", "Mine ord")
        .doesNotContainKey("goals[3].title");
  }

  @Test
  @DisplayName("booleans from radios: true and false, and a ticked checkbox")
  void booleans() {
    JsonNode json = FormPayload.convert(params("safeAtHome", "false", "kinOrNetworkPossible", "true"),
        dk.trappen.investigation.InvestigationFindings.class, false).json();
    assertThat(json.get("safeAtHome").isBoolean()).isTrue();
    assertThat(json.get("safeAtHome").asBoolean()).isFalse();
    assertThat(json.get("kinOrNetworkPossible").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("paths sort in the order of the payload's fields")
  void orderOfPaths() {
    assertThat(FormPayload.orderKey("goals[0].subGoals[1].title", PlanInput.class))
        .isLessThan(FormPayload.orderKey("goals[0].subGoals[1].targetDate", PlanInput.class));
    assertThat(FormPayload.orderKey("goals[1].title", PlanInput.class))
        .isGreaterThan(FormPayload.orderKey("goals[0].subGoals[1].targetDate", PlanInput.class));
    assertThat(FormPayload.orderKey("youthOwnWords", PlanInput.class))
        .isLessThan(FormPayload.orderKey("goals[0].title", PlanInput.class));
  }
}
