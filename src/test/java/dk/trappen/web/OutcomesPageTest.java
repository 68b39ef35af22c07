package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.outcomes.OutcomeService;
import dk.trappen.outcomes.OutcomeView;
import dk.trappen.staircase.SafetyPlanView;
import dk.trappen.staircase.SafetyPlans;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.TaskView;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The page forms of issue 21: the network meeting and the follow-up ask the outcome indicators of the youth's age,
 * the meeting reviews the safety plans, and the case page agrees a safety plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Outcomes and safety plans on the pages")
class OutcomesPageTest extends PageTestSupport {

  @Autowired
  private OutcomeService outcomes;
  @Autowired
  private SafetyPlans safetyPlans;
  @Autowired
  private StaircaseService staircase;

  @Test
  @DisplayName("the network meeting form asks the indicators of the youth's age (ja / nej / ikke vurderet, not "
      + "assessed by default), and posting it stores the answers given, none for the unassessed")
  void meetingFormAsksAndStoresOutcomes() throws Exception {
    TestChild child = newChild("Otto", "Udfald");
    String caseNumber = caseWithRunningIntervention(child);
    long caseId = cases.get(caseNumber).id();
    String taskId = task(caseNumber, "Task_HoldNetworkMeeting").id();

    Document form = html(mvc.perform(get("/tasks/" + taskId).with(as("karen"))).andReturn());
    List<String> legends = form.select("fieldset.outcome > legend").eachText();
    assertThat(legends).contains("Går fast i skole (under 10 % fravær)", "Har haft kontakt med politiet siden sidst",
        "Bruger hash eller andre rusmidler");
    assertThat(legends).as("asked from 15 years").doesNotContain("Har taget 9. klasses afgangsprøve",
        "I uddannelse eller arbejde");
    assertThat(form.select("input[type=radio][name=outcomes[SCHOOL_ATTENDANCE]]")).hasSize(3);
    Element checked = form.selectFirst("input[name=outcomes[SCHOOL_ATTENDANCE]][checked]");
    assertThat(checked).isNotNull();
    assertThat(checked.val()).as("ikke vurderet by default").isEmpty();
    for (Element radio : form.select("fieldset.outcome input[type=radio]")) {
      assertThat(form.select("label[for=" + radio.id() + "]")).as(radio.id()).hasSize(1);
    }

    Document english = html(mvc.perform(get("/tasks/" + taskId).param("lang", "en").with(as("karen"))).andReturn());
    assertThat(english.select("fieldset.outcome > legend").eachText())
        .contains("Attends school regularly (under 10 % absence)");
    assertThat(english.select("label[for=f-outcomes-SCHOOL-ATTENDANCE-none]").text()).isEqualTo("Not assessed");

    MvcResult posted = mvc.perform(post("/tasks/" + taskId).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", "Otto Udfald")
        .param("youthSatisfaction", "4").param("decision", "CONTINUE").param("decisionNote", "Fortsætter.")
        .param("outcomes[SCHOOL_ATTENDANCE]", "true").param("outcomes[POLICE_CONTACT]", "false")
        .param("outcomes[SUBSTANCE_USE]", "")).andReturn();

    assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
    assertThat(outcomes.outcomes(caseId).history()).extracting(o -> o.indicatorKey() + "=" + o.achieved())
        .containsExactlyInAnyOrder("SCHOOL_ATTENDANCE=true", "POLICE_CONTACT=false");
    assertThat(outcomes.outcomes(caseId).history()).extracting(OutcomeView::stepKey).containsOnly("PREVENTIVE");
    assertThat(outcomes.outcomes(caseId).history()).extracting(OutcomeView::meetingId).doesNotContainNull();

    Document casePage = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(casePage.select("#outcomes table.outcomes tbody tr")).hasSize(2);
  }

  @Test
  @DisplayName("the follow-up form asks the indicators too and stores the answers with the follow-up")
  void followUpFormStoresOutcomes() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Olga", "Udfald"));
    long caseId = cases.get(caseNumber).id();
    String taskId = task(caseNumber, "Task_FollowUp").id();
    Document form = html(mvc.perform(get("/tasks/" + taskId).with(as("karen"))).andReturn());
    assertThat(form.select("input[type=radio][name=outcomes[POLICE_CONTACT]]")).hasSize(3);

    MvcResult posted = mvc.perform(post("/tasks/" + taskId).with(as("karen")).with(csrf())
        .param("effective", "true").param("conclusion", "Virker.")
        .param("outcomes[POLICE_CONTACT]", "true")).andReturn();

    assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
    assertThat(outcomes.outcomes(caseId).history()).singleElement()
        .satisfies(o -> {
          assertThat(o.indicatorKey()).isEqualTo("POLICE_CONTACT");
          assertThat(o.followUpId()).isNotNull();
        });
  }

  @Test
  @DisplayName("the case page agrees a running intervention's safety plan (errors beside the fields, nothing stored "
      + "on refusal), and the meeting form then reviews it: holder / holder ikke and a note")
  void safetyPlanAgreedOnTheCasePageAndReviewed() throws Exception {
    String caseNumber = caseWithRunningIntervention(newChild("Sara", "Sikker"));
    long caseId = cases.get(caseNumber).id();
    long interventionId = staircase.running(caseId).get(0).id();
    String url = "/cases/" + caseNumber + "/interventions/" + interventionId + "/safety-plan";

    Document page = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(page.select("form[action=" + url + "] textarea[name=content]")).hasSize(1);

    MvcResult refused = mvc.perform(post(url).with(as("karen")).with(csrf()).param("content", "")
        .param("agreedWith", "Mor")).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document again = html(refused);
    assertThat(again.select("#sp-content-" + interventionId + "-error").text()).contains("Skal udfyldes");
    assertThat(again.select("#sp-agreedWith-" + interventionId).val()).isEqualTo("Mor");
    assertThat(safetyPlans.ofCase(caseId)).isEmpty();

    MvcResult agreed = mvc.perform(post(url).with(as("karen")).with(csrf())
        .param("content", "Sara ringer til mormor.").param("agreedWith", "Mor og mormor")).andReturn();
    assertThat(agreed.getResponse().getStatus()).isEqualTo(302);
    SafetyPlanView plan = safetyPlans.ofCase(caseId).get(0);
    assertThat(plan.content()).isEqualTo("Sara ringer til mormor.");
    Document shown = html(mvc.perform(get("/cases/" + caseNumber).with(as("karen"))).andReturn());
    assertThat(shown.select("#safety-plan-" + interventionId + " .safety-plan-content").text())
        .isEqualTo("Sara ringer til mormor.");

    String taskId = task(caseNumber, "Task_HoldNetworkMeeting").id();
    Document form = html(mvc.perform(get("/tasks/" + taskId).with(as("karen"))).andReturn());
    assertThat(form.select("fieldset.safety-plan-review > legend").text()).contains("Sikkerhedsplan gennemgået");
    assertThat(form.select("input[type=hidden][name=safetyPlanReviews[0].safetyPlanId]").val())
        .isEqualTo(String.valueOf(plan.id()));
    assertThat(form.select("input[type=radio][name=safetyPlanReviews[0].holds]")).hasSize(2);

    MvcResult posted = mvc.perform(post("/tasks/" + taskId).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", "Sara Sikker")
        .param("youthSatisfaction", "3").param("decision", "CONTINUE").param("decisionNote", "Fortsætter.")
        .param("safetyPlanReviews[0].safetyPlanId", String.valueOf(plan.id()))
        .param("safetyPlanReviews[0].holds", "false").param("safetyPlanReviews[0].note", "Mormor er flyttet."))
        .andReturn();
    assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
    assertThat(safetyPlans.ofCase(caseId).get(0).reviews()).singleElement().satisfies(r -> {
      assertThat(r.holds()).isFalse();
      assertThat(r.note()).isEqualTo("Mormor er flyttet.");
    });
  }

  private TaskView task(String caseNumber, String taskKey) {
    return tasks.tasksOfCase(caseNumber).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst()
        .orElseThrow(() -> new AssertionError("no task " + taskKey));
  }
}
