package dk.trappen.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.meetings.MeetingsService;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/** Names typed in the task forms refuse bidirectional controls; free text keeps them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Names in the task forms")
class NameFieldsFormTest extends TaskFormTestSupport {

  private static final String ARABIC = "\u200F\u0623\u0631\u064A\u062F \u0623\u0646 \u0623\u0628\u0642\u0649\u200F "
      + "(jeg vil blive).";

  @Autowired
  private MeetingsService meetings;

  @Test
  @DisplayName("a participant's name with a right-to-left override is refused beside the field, in Danish and in "
      + "English, the meeting not recorded; then the youth's words in Arabic with right-to-left marks are kept")
  void participantNameRefusesBidiControls() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Yasmin"));
    TaskView meeting = task(caseNumber, "Task_HoldNetworkMeeting");

    MvcResult refused = mvc.perform(meetingForm(meeting, "Yas\u202Enim", ARABIC)).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document page = html(refused);
    assertThat(page.getElementById("f-participants-0-name-error").text())
        .contains("Et navn må ikke indeholde usynlige retningstegn");
    assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-participants-0-name");
    MvcResult english = mvc.perform(meetingForm(meeting, "\u2066Yasmin\u2069", ARABIC).param("lang", "en"))
        .andReturn();
    assertThat(html(english).getElementById("f-participants-0-name-error").text())
        .contains("A name must not contain invisible direction characters");
    assertThat(meetings.meetings(cases.get(caseNumber).id())).as("nothing recorded").isEmpty();

    MvcResult done = mvc.perform(meetingForm(meeting, "Yasmin", ARABIC)).andReturn();
    assertThat(done.getResponse().getStatus()).isEqualTo(302);
    assertThat(meetings.meetings(cases.get(caseNumber).id())).singleElement()
        .satisfies(m -> assertThat(m.youthVoice()).isEqualTo(ARABIC));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder meetingForm(TaskView meeting,
      String participant, String youthVoice) {
    return post("/tasks/" + meeting.id()).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", participant)
        .param("youthSatisfaction", "4").param("youthVoice", youthVoice)
        .param("decision", "CONTINUE").param("decisionNote", "Fortsætter.");
  }
}
