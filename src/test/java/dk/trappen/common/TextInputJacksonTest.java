package dk.trappen.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Control characters in text: refused by the application's JSON reading with the path of the field, while Camunda
 * Spin (its own mapper) reads and writes them as before.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Control characters in text input")
class TextInputJacksonTest {

  record Plan(String youthOwnWords, List<Goal> goals) {
  }

  record Goal(String title, List<SubGoal> subGoals, List<String> tags) {
  }

  record SubGoal(String title) {
  }

  @Autowired
  private ObjectMapper json;

  @Test
  @DisplayName("are every C0 control character but tab, line feed and carriage return")
  void whichCharacters() {
    assertThat(ControlCharacters.present("før\u0000efter")).isTrue();
    assertThat(ControlCharacters.present("\u0001")).isTrue();
    assertThat(ControlCharacters.present("rød\u001B[0m")).isTrue();
    assertThat(ControlCharacters.present("\u001F")).isTrue();
    assertThat(ControlCharacters.present("linje 1\r\nlinje 2\n\tindrykket")).isFalse();
    assertThat(ControlCharacters.present("Ali\u202Ece 👍🏽 \u007F \u0085")).as("only C0").isFalse();
    assertThat(ControlCharacters.present(null)).isFalse();
    assertThat(ControlCharacters.present("")).isFalse();
  }

  @Test
  @DisplayName("are refused by the application's ObjectMapper naming the field's path, also in lists")
  void refusedWithThePath() {
    assertThat(problem("{\"youthOwnWords\": \"a\\u0000b\"}"))
        .containsExactly(Map.entry("youthOwnWords", ControlCharacters.PROBLEM_TEXT));
    assertThat(problem("{\"youthOwnWords\": \"ok\", \"goals\": [{\"title\": \"x\"}, "
        + "{\"title\": \"y\", \"subGoals\": [{\"title\": \"\\u0007\"}]}]}"))
        .containsOnlyKeys("goals[1].subGoals[0].title");
    assertThat(problem("{\"goals\": [{\"title\": \"x\", \"tags\": [\"ok\", \"\\u001b\"]}]}"))
        .containsOnlyKeys("goals[0].tags[1]");
  }

  @Test
  @DisplayName("leave tab, line breaks and the rest of the mapper's setup (java.time) as they were")
  void restUnchanged() throws Exception {
    assertThat(json.readValue("{\"youthOwnWords\": \"a\\tb\\r\\nc\"}", Plan.class).youthOwnWords())
        .isEqualTo("a\tb\r\nc");
    assertThat(json.readValue("\"2027-03-02T08:00:00Z\"", Instant.class))
        .isEqualTo(Instant.parse("2027-03-02T08:00:00Z"));
    assertThat(new ObjectMapper().readValue("{\"youthOwnWords\": \"a\\u0000b\"}", Plan.class).youthOwnWords())
        .as("a mapper of one's own is not changed").isEqualTo("a\u0000b");
  }

  @Test
  @DisplayName("pass through Camunda Spin, which has a mapper of its own, unchanged")
  void spinUnaffected() {
    assertThat(Spin.JSON("{\"note\": \"a\\u0000b\"}").prop("note").stringValue()).isEqualTo("a\u0000b");
    assertThat(Spin.JSON(Map.of("note", "a\u0000b")).toString()).contains("a\\u0000b");
  }

  private Map<String, String> problem(String body) {
    try {
      json.readValue(body, Plan.class);
    } catch (JsonProcessingException e) {
      assertThat(e).isInstanceOf(TextInputJackson.ControlCharacterException.class);
      return JsonInputProblems.of(e).fieldErrors();
    }
    throw new AssertionError("accepted: " + body);
  }
}
