package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Finding 13: a page on another site could make a browser that holds Basic credentials claim a task, because the
 * claim takes no body. The API now takes state changes only as JSON, which a foreign page cannot send without this
 * server's consent.
 */
@DisplayName("The API takes state changes only as JSON, so a form on another site cannot claim a task")
class JsonOnlyWritesTest extends SecurityTestSupport {

  @Autowired
  private ObjectMapper json;
  @Autowired
  private TaskService tasks;

  @Test
  @DisplayName("a claim sent as a form, as plain text or without a content type is refused with 415 naming the "
      + "header, and the task stays unclaimed; the same claim as JSON goes through")
  void claimOnlyAsJson() throws Exception {
    String caseNumber = notification(611);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0);
    String path = "/api/tasks/" + task.getId() + "/claim";
    for (String type : new String[] {null, MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.TEXT_PLAIN_VALUE,
        MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x"}) {
      var request = post(path).with(httpBasic("ida", PASSWORD));
      if (type != null) {
        request.contentType(type).content("a=b");
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      assertThat(response.getStatus()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      JsonNode problem = json.readTree(response.getContentAsString());
      assertThat(problem.path("errors").has("Content-Type")).isTrue();
      assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }
    // anonymous learns 401 first, not the media type
    assertThat(mvc.perform(post(path)).andReturn().getResponse().getStatus()).isEqualTo(401);
    assertThat(mvc.perform(post(path).with(httpBasic("ida", PASSWORD)).contentType(MediaType.APPLICATION_JSON))
        .andReturn().getResponse().getStatus()).isBetween(200, 299);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("ida");
  }

  private String notification(int serial) throws Exception {
    var n = Map.of("child", Map.of("cpr", JourneySeeder.cpr(LocalDate.of(2013, 2, 2), serial), "firstName", "Ea",
            "lastName", "Holm", "birthDate", "2013-02-02"),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Skolen", "concern", "Bekymring",
        "receivedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "team", "nord");
    var response = mvc.perform(post("/api/notifications").with(httpBasic("ida", PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(n))).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
    return json.readTree(response.getContentAsString()).path("caseNumber").asText();
  }
}
