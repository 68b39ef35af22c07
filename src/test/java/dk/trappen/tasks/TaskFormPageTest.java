package dk.trappen.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.trappen.common.InvalidInputException;
import dk.trappen.meetings.ConcernSource;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.meetings.NewConcern;
import dk.trappen.org.StaffMember;
import dk.trappen.staircase.StaircaseService;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The task forms (GET and POST /tasks/{id}): a form for every task kind of the journey, completion through the form,
 * and refused input shown next to its field with everything typed kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Task forms")
class TaskFormPageTest extends TaskFormTestSupport {

  private static final Locale DANISH = Locale.forLanguageTag("da");

  @Autowired
  private MessageSource messages;
  @Autowired
  private MeetingsService meetings;
  @Autowired
  private StaircaseService staircase;

  // ---- every kind renders ------------------------------------------------------------------------------------------

  @Test
  @DisplayName("the acute assessment and acknowledgement forms render for intake, with the notification to read")
  void acuteAssessmentAndAcknowledgementRender() throws Exception {
    String caseNumber = notify(child("Asta"));
    Document acute = assertFormRenders("ida", task(caseNumber, "Task_AcuteAssessment"));
    assertThat(acute.select(".notification .concern").text()).contains("Kommer ofte sulten i skole.");
    assertThat(acute.select("input[type=radio][name=outcome]")).hasSize(3);
    assertThat(acute.select("input[name=riskLevel]")).hasSize(4);
    Document ack = assertFormRenders("ida", task(caseNumber, "Task_SendAcknowledgement"));
    assertThat(ack.select(".notification").text()).contains("Nørre Skole");
    assertThat(ack.select("textarea[name=note]")).hasSize(1);
  }

  @Test
  @DisplayName("the re-assessment form renders when a new notification joins an open case")
  void reassessmentRenders() throws Exception {
    TestChild child = child("Bo");
    String caseNumber = caseInInvestigation(child);
    notify(child);
    Document page = assertFormRenders("lars", task(caseNumber, "Task_Reassessment"));
    assertThat(page.select(".notification")).hasSize(2);
    assertThat(page.select("input[type=radio][name=acuteMeasuresNeeded]")).hasSize(2);
  }

  @Test
  @DisplayName("the investigation form renders, and the interim assessment form when the investigation is late")
  void investigationAndInterimAssessmentRender() throws Exception {
    String caseNumber = caseInInvestigation(child("Cecilie"));
    Document page = assertFormRenders("karen", task(caseNumber, "Task_Investigation"));
    assertThat(page.select("textarea[name=findings]")).hasSize(1);
    assertThat(page.select("input[name=youthWish]")).hasSize(5);

    later(24 * 125);
    fireDueJobs(caseNumber);
    Document interim = assertFormRenders("karen", task(caseNumber, "Task_InterimAssessment"));
    assertThat(interim.select("textarea[name=assessment]")).hasSize(1);
  }

  @Test
  @DisplayName("the choose-step form shows the recommended step, preselected, and the justification field with its hint")
  void chooseStepRenders() throws Exception {
    String caseNumber = caseChoosingStep(child("Dagmar"));
    Document page = assertFormRenders("karen", task(caseNumber, "Task_ChooseStep"));
    assertThat(page.select(".recommendation .recommended").text()).contains("Trin 2").contains("Forebyggende");
    assertThat(page.select("input[name=stepKey][value=PREVENTIVE]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=stepKey]")).hasSize(6);
    assertThat(page.select("select[name=nextStepDownKey] option[selected]").val()).isEqualTo("EARLY_HELP");
    Element justification = page.selectFirst("textarea[name=justification]");
    assertThat(justification).isNotNull();
    assertThat(page.getElementById(justification.attr("aria-describedby")).text()).contains("højere trin");
  }

  @Test
  @DisplayName("the placement approval form renders for the team leader with the chosen placement")
  void approvePlacementRenders() throws Exception {
    String caseNumber = caseChoosingStep(child("Eik"));
    complete(caseNumber, "Task_ChooseStep", "karen", Map.of("stepKey", "FOSTER_FAMILY",
        "description", "Plejefamilie i nærområdet.", "plannedEnd", "2028-06-30", "nextStepDownKey", "HOME_BASED",
        "justification", "Forældrene kan ikke drage omsorg for barnet.", "childNotHeardReason", "Barnet er for lille til en samtale."));
    Document page = assertFormRenders("birgitte", task(caseNumber, "Task_ApprovePlacement"));
    assertThat(page.select(".panel").text()).contains("Plejefamilie i nærområdet.")
        .contains("Forældrene kan ikke drage omsorg for barnet.").contains("Trin 5");
    assertThat(page.select("input[type=radio][name=approved]")).hasSize(2);
    // what the approval rests on: the custody holders' consent and the conversation with the child, missing here,
    // with the caseworker's reason shown and the field for the team leader's own
    assertThat(page.select("#step-consent").text()).contains("Der er ikke holdt en børnesamtale på sagen");
    assertThat(page.select(".panel").text()).contains("Barnet er for lille til en samtale.");
    assertThat(page.select("textarea[name=childNotHeardReason]")).hasSize(1);
  }

  @Test
  @DisplayName("a placement approved with no conversation with the child in the journal is refused until the team "
      + "leader says why the child was not heard; a refusal needs no such reason")
  void approvalWithoutChildConversationNeedsAReason() throws Exception {
    String caseNumber = caseChoosingStep(child("Ulv"));
    complete(caseNumber, "Task_ChooseStep", "karen", Map.of("stepKey", "FOSTER_FAMILY",
        "description", "Plejefamilie i nærområdet.", "plannedEnd", "2028-06-30", "nextStepDownKey", "HOME_BASED",
        "justification", "Forældrene kan ikke drage omsorg for barnet.", "childNotHeardReason", "Barnet er to år."));
    TaskView approval = task(caseNumber, "Task_ApprovePlacement");
    StaffMember birgitte = org.member("birgitte").orElseThrow();
    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> tasks.complete(
        approval.id(), json.valueToTree(Map.of("approved", true)), birgitte));
    assertThat(refused.fieldErrors()).containsOnlyKeys("childNotHeardReason");
    assertThat(task(caseNumber, "Task_ApprovePlacement").id()).as("nothing changed").isEqualTo(approval.id());

    tasks.complete(approval.id(), json.valueToTree(Map.of("approved", true,
        "childNotHeardReason", "Barnet er to år; set i hjemmet.")), birgitte);
    assertThat(openTask(caseNumber, "Task_ApprovePlacement")).isEmpty();
    assertThat(staircase.interventions(cases.get(caseNumber).id())).anySatisfy(i -> {
      assertThat(i.childNotHeardReason()).isEqualTo("Barnet er to år.");
      assertThat(i.approvalChildNotHeardReason()).isEqualTo("Barnet er to år; set i hjemmet.");
    });
  }

  @Test
  @DisplayName("the action plan, network meeting and follow-up forms render while an intervention runs")
  void runningInterventionFormsRender() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Frej"));
    Document plan = assertFormRenders("karen", task(caseNumber, "Task_WriteActionPlan"));
    assertThat(plan.select("input[name=goals[0].title]")).hasSize(1);
    assertThat(plan.select("input[name=goals[0].subGoals[0].title]")).hasSize(1);
    assertThat(plan.select("button#add-goal").attr("hx-get")).endsWith("/goal-row?index=1");

    Document meeting = assertFormRenders("karen", task(caseNumber, "Task_HoldNetworkMeeting"));
    assertThat(meeting.select("input[name=participants[0].name]").val()).isEqualTo("Frej Formtest");
    assertThat(meeting.select("select[name=participants[1].role] option[selected]").val()).isEqualTo("CASEWORKER");
    assertThat(meeting.select("input[name=youthSatisfaction]")).hasSize(5);
    assertThat(meeting.select("input[name=decision]")).hasSize(5);
    assertThat(meeting.select("select[name=interventionId] option")).hasSize(2);
    assertThat(meeting.select("select[name=closureReason] option")).hasSize(3);

    Document followUp = assertFormRenders("karen", task(caseNumber, "Task_FollowUp"));
    assertThat(followUp.select("select[name=nextInterval] option")).hasSize(6);
  }

  @Test
  @DisplayName("the concern response form renders with the concern that was raised")
  void concernResponseRenders() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Gry"));
    meetings.registerConcern(cases.get(caseNumber),
        new NewConcern(ConcernSource.SCHOOL, "Har ikke været i skole i en uge.", now()), "karen");
    Document page = assertFormRenders("karen", task(caseNumber, "Task_RespondToConcern"));
    assertThat(page.select(".panel").text()).contains("Har ikke været i skole i en uge.").contains("Skolen");
  }

  @Test
  @DisplayName("the youth plan form renders once the young person has turned 16 (it is due within 3 months of the"
      + " birthday, Barnets Lov § 108, stk. 3), starting from the current plan")
  void youthPlanRenders() throws Exception {
    TestChild child = child("Holger", today().minusYears(16).minusMonths(1));
    String caseNumber = caseWithRunningIntervention(child);
    complete(caseNumber, "Task_WriteActionPlan", "karen", Map.of("youthOwnWords", "Jeg vil have venner.",
        "goals", List.of(Map.of("title", "Går i skole hver dag", "successCriterion", "Ingen fravær i en måned",
            "owner", "Mor", "targetDate", "2027-09-01", "youthOwn", true,
            "subGoals", List.of(Map.of("title", "Står op kl. 7", "targetDate", "2027-05-01"))))));
    fireDueJobs(caseNumber);
    Document page = assertFormRenders("karen", task(caseNumber, "Task_WriteYouthPlan"));
    assertThat(page.select("textarea[name=youthOwnWords]").text()).isEqualTo("Jeg vil have venner.");
    assertThat(page.select("input[name=goals[0].title]").val()).isEqualTo("Går i skole hver dag");
    assertThat(page.select("input[name=goals[0].youthOwn]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=goals[0].subGoals[0].targetDate]").val()).isEqualTo("2027-05-01");
  }

  @Test
  @DisplayName("the aftercare form renders six months before the 18th birthday")
  void aftercareRenders() throws Exception {
    TestChild child = child("Ingrid", today().minusYears(18).plusMonths(6).plusDays(14));
    String caseNumber = caseWithRunningIntervention(child);
    fireDueJobs(caseNumber);
    Document page = assertFormRenders("karen", task(caseNumber, "Task_AssessAftercare"));
    assertThat(page.select("input[type=radio][name=granted]")).hasSize(2);
  }

  @Test
  @DisplayName("a form speaks English when the user chose English")
  void formInEnglish() throws Exception {
    String caseNumber = notify(child("Jens"));
    TaskView acute = task(caseNumber, "Task_AcuteAssessment");
    Document page = html(mvc.perform(get("/tasks/" + acute.id()).param("lang", "en").with(as("ida"))).andReturn());
    assertThat(page.select("h1").text()).isEqualTo("Acute assessment (24 hours)");
    assertThat(page.select("label[for=f-note]").text()).contains("Grounds of the assessment");
  }

  // ---- completing through the form -----------------------------------------------------------------------------------

  @Test
  @DisplayName("submitting the acute assessment form completes it, says so on the task list and opens the investigation")
  void acuteAssessmentMovesTheCaseOn() throws Exception {
    String caseNumber = notify(child("Karla"));
    TaskView acute = task(caseNumber, "Task_AcuteAssessment");
    MvcResult result = mvc.perform(post("/tasks/" + acute.id()).with(as("ida")).with(csrf())
        .param("outcome", "INVESTIGATE").param("note", "Skolen er bekymret; undersøges.")
        .param("youthWish", "")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    assertThat(String.valueOf(result.getFlashMap().get("flash"))).contains(caseNumber);
    assertThat(openTask(caseNumber, "Task_AcuteAssessment")).isEmpty();
    assertThat(openTask(caseNumber, "Task_Investigation")).isPresent();

    Document list = html(mvc.perform(get("/tasks").with(as("ida")).flashAttrs(result.getFlashMap())).andReturn());
    assertThat(list.select(".flash").text()).contains(caseNumber);
  }

  @Test
  @DisplayName("submitting the investigation form completes it and asks for the choice of a step")
  void investigationMovesTheCaseOn() throws Exception {
    String caseNumber = caseInInvestigation(child("Lukas"));
    TaskView investigation = task(caseNumber, "Task_Investigation");
    MvcResult result = mvc.perform(post("/tasks/" + investigation.id()).with(as("karen")).with(csrf())
        .param("findings", "Familien mangler struktur i hverdagen.").param("youthPerspective", "Jeg vil bo hjemme.")
        .param("riskLevel", "MODERATE").param("safeAtHome", "true").param("kinOrNetworkPossible", "false")
        .param("youthWish", "STAY_HOME").param("outcome", "INTERVENTION")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(openTask(caseNumber, "Task_Investigation")).isEmpty();
    TaskView choose = task(caseNumber, "Task_ChooseStep");
    assertThat(tasks.task(choose.id(), org.member("karen").orElseThrow()).details().get("recommendedStepKey"))
        .isEqualTo("PREVENTIVE");
  }

  @Test
  @DisplayName("a form with bad input comes back with each problem next to its field, the typed values kept and the "
      + "task still open")
  void badInputComesBackWithEverythingKept() throws Exception {
    String caseNumber = caseInInvestigation(child("Mads"));
    TaskView investigation = task(caseNumber, "Task_Investigation");
    MvcResult result = mvc.perform(post("/tasks/" + investigation.id()).with(as("karen")).with(csrf())
        .param("findings", "Mor er syg; far arbejder om natten.").param("youthPerspective", "")
        .param("riskLevel", "HIGH").param("safeAtHome", "true").param("youthWish", "KIN_OR_NETWORK")
        .param("outcome", "INTERVENTION")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);

    // the problem sits next to the field, tied to it for screen readers
    Element perspective = page.selectFirst("textarea[name=youthPerspective]");
    assertThat(perspective.attr("aria-invalid")).isEqualTo("true");
    assertThat(perspective.attr("aria-describedby")).contains("f-youthPerspective-error");
    assertThat(page.getElementById("f-youthPerspective-error").text()).contains("Fejl:").contains("Skal udfyldes");
    Element kin = page.selectFirst("input[name=kinOrNetworkPossible]");
    assertThat(kin.attr("aria-invalid")).isEqualTo("true");
    assertThat(page.getElementById("f-kinOrNetworkPossible-error")).isNotNull();

    // the summary at the top links to each field, in the order of the form
    List<String> links = page.select(".error-summary a").eachAttr("href");
    assertThat(links).containsExactly("#f-youthPerspective", "#f-kinOrNetworkPossible");
    assertThat(page.select(".error-summary a").first().text())
        .isEqualTo("Barnets eller den unges egen opfattelse: Skal udfyldes.");

    // nothing typed is lost
    assertThat(page.selectFirst("textarea[name=findings]").text()).isEqualTo("Mor er syg; far arbejder om natten.");
    assertThat(page.selectFirst("input[name=riskLevel][value=HIGH]").hasAttr("checked")).isTrue();
    assertThat(page.selectFirst("input[name=safeAtHome][value=true]").hasAttr("checked")).isTrue();
    assertThat(page.selectFirst("input[name=youthWish][value=KIN_OR_NETWORK]").hasAttr("checked")).isTrue();
    assertThat(page.selectFirst("input[name=outcome][value=INTERVENTION]").hasAttr("checked")).isTrue();

    // and nothing happened
    assertThat(task(caseNumber, "Task_Investigation").id()).isEqualTo(investigation.id());
    assertThat(openTask(caseNumber, "Task_ChooseStep")).isEmpty();
  }

  @Test
  @DisplayName("text with control characters is refused next to every field that holds one, the text kept")
  void controlCharacters() throws Exception {
    String caseNumber = caseInInvestigation(child("Mille"));
    TaskView investigation = task(caseNumber, "Task_Investigation");
    MvcResult result = mvc.perform(post("/tasks/" + investigation.id()).with(as("karen")).with(csrf())
        .param("findings", "Mor er syg\u0000 far arbejder om natten.").param("youthPerspective", "Vil\u0007 hjem.")
        .param("riskLevel", "HIGH").param("safeAtHome", "true").param("kinOrNetworkPossible", "false")
        .param("youthWish", "KIN_OR_NETWORK").param("outcome", "INTERVENTION")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-findings", "#f-youthPerspective");
    assertThat(page.getElementById("f-findings-error").text()).contains("Indeholder usynlige styretegn");
    assertThat(page.getElementById("f-youthPerspective-error").text()).contains("Indeholder usynlige styretegn");
    assertThat(page.selectFirst("textarea[name=findings]").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.selectFirst("textarea[name=findings]").text()).startsWith("Mor er syg")
        .endsWith(" far arbejder om natten.");
    assertThat(task(caseNumber, "Task_Investigation").id()).isEqualTo(investigation.id());
    assertThat(openTask(caseNumber, "Task_ChooseStep")).isEmpty();
  }

  @Test
  @DisplayName("choosing a higher step than recommended without a justification is refused next to the "
      + "justification field; with one, the step is chosen")
  void higherStepNeedsJustification() throws Exception {
    String caseNumber = caseChoosingStep(child("Nanna"));
    TaskView choose = task(caseNumber, "Task_ChooseStep");
    MvcResult refused = mvc.perform(post("/tasks/" + choose.id()).with(as("karen")).with(csrf())
        .param("stepKey", "HOME_BASED").param("justification", "")
        .param("description", "Familiebehandling to gange om ugen.").param("plannedEnd", "2027-12-31")
        .param("nextStepDownKey", "PREVENTIVE").param("childNotHeardReason", "Barnet er to år.")).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document page = html(refused);
    Element justification = page.selectFirst("textarea[name=justification]");
    assertThat(justification.attr("aria-invalid")).isEqualTo("true");
    assertThat(justification.attr("aria-describedby")).contains("f-justification-error");
    assertThat(page.getElementById("f-justification-error").text()).contains("højere trin end det anbefalede");
    assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#f-justification");
    assertThat(page.selectFirst("input[name=stepKey][value=HOME_BASED]").hasAttr("checked")).isTrue();
    assertThat(page.selectFirst("textarea[name=description]").text()).isEqualTo("Familiebehandling to gange om ugen.");
    assertThat(page.selectFirst("input[name=plannedEnd]").val()).isEqualTo("2027-12-31");
    assertThat(page.select("select[name=nextStepDownKey] option[selected]").val()).isEqualTo("PREVENTIVE");
    assertThat(task(caseNumber, "Task_ChooseStep").id()).isEqualTo(choose.id());

    MvcResult accepted = mvc.perform(post("/tasks/" + choose.id()).with(as("karen")).with(csrf())
        .param("stepKey", "HOME_BASED").param("justification", "Forebyggende rådgivning er prøvet uden effekt.")
        .param("description", "Familiebehandling to gange om ugen.").param("plannedEnd", "2027-12-31")
        .param("nextStepDownKey", "PREVENTIVE").param("childNotHeardReason", "Barnet er to år.")).andReturn();
    assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
    assertThat(openTask(caseNumber, "Task_WriteActionPlan")).isPresent();
  }

  @Test
  @DisplayName("every problem is shown in one round, also those that depend on other answers")
  void allProblemsInOneRound() throws Exception {
    String caseNumber = notify(child("Nikolaj"));
    TaskView acute = task(caseNumber, "Task_AcuteAssessment");
    MvcResult result = mvc.perform(post("/tasks/" + acute.id()).with(as("ida")).with(csrf())
        .param("outcome", "ACUTE_MEASURES").param("note", "").param("safeAtHome", "false")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.select(".error-summary a").eachAttr("href"))
        .containsExactly("#f-note", "#f-riskLevel", "#f-kinOrNetworkPossible");
    assertThat(page.getElementById("f-riskLevel-error").text()).contains("akutte foranstaltninger");
    assertThat(page.selectFirst("input[name=safeAtHome][value=false]").hasAttr("checked")).isTrue();

    String other = caseChoosingStep(child("Olga"));
    TaskView choose = task(other, "Task_ChooseStep");
    Document refused = html(mvc.perform(post("/tasks/" + choose.id()).with(as("karen")).with(csrf())
        .param("stepKey", "INSTITUTION").param("nextStepDownKey", "FOSTER_FAMILY")).andReturn());
    assertThat(refused.select(".error-summary a").eachAttr("href"))
        .containsExactly("#f-justification", "#f-description", "#f-plannedEnd", "#f-childNotHeardReason");
  }

  @Test
  @DisplayName("a plan with goals and sub-goals is written through the form; empty rows are left out")
  void actionPlanThroughTheForm() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Oskar"));
    TaskView plan = task(caseNumber, "Task_WriteActionPlan");
    String nextYear = today().plusYears(1).toString();
    MockHttpServletRequestBuilder request = post("/tasks/" + plan.id()).with(as("karen")).with(csrf())
        .param("youthOwnWords", "Jeg vil spille fodbold igen.")
        .param("goals[0].title", "Kommer i skole hver dag").param("goals[0].successCriterion", "Under 5 % fravær")
        .param("goals[0].owner", "Forældrene").param("goals[0].targetDate", nextYear)
        .param("goals[0].subGoals[0].title", "Morgenrutine").param("goals[0].subGoals[0].targetDate", nextYear)
        .param("goals[0].subGoals[1].title", "").param("goals[0].subGoals[1].targetDate", "")
        .param("goals[1].title", "").param("goals[1].subGoals[0].title", "")
        .param("goals[2].title", "Spiller fodbold").param("goals[2].successCriterion", "Træner hver uge")
        .param("goals[2].owner", "Oskar").param("goals[2].targetDate", nextYear).param("goals[2].youthOwn", "true")
        .param("goals[2].subGoals[0].title", "Melder sig til").param("goals[2].subGoals[0].targetDate", nextYear);
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
    assertThat(openTask(caseNumber, "Task_WriteActionPlan")).isEmpty();
    TaskView meeting = task(caseNumber, "Task_HoldNetworkMeeting");
    Document page = html(mvc.perform(get("/tasks/" + meeting.id()).with(as("karen"))).andReturn());
    assertThat(page.select("fieldset.goal-progress legend").eachText())
        .containsExactly("Kommer i skole hver dag", "Spiller fodbold");
  }

  @Test
  @DisplayName("a problem in a sub-goal is shown at that sub-goal, named by its goal and number")
  void subGoalProblemIsShownAtTheSubGoal() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Petra"));
    TaskView plan = task(caseNumber, "Task_WriteActionPlan");
    String nextYear = today().plusYears(1).toString();
    MvcResult result = mvc.perform(post("/tasks/" + plan.id()).with(as("karen")).with(csrf())
        .param("youthOwnWords", "Jeg vil have ro.")
        .param("goals[0].title", "Sover om natten").param("goals[0].successCriterion", "8 timer")
        .param("goals[0].owner", "Mor").param("goals[0].targetDate", nextYear)
        .param("goals[0].subGoals[0].title", "Fast sengetid").param("goals[0].subGoals[0].targetDate", nextYear)
        .param("goals[0].subGoals[1].title", "").param("goals[0].subGoals[1].targetDate", "2020-01-01"))
        .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    Document page = html(result);
    assertThat(page.getElementById("f-goals-0-subGoals-1-title-error").text()).contains("Skal udfyldes");
    assertThat(page.getElementById("f-goals-0-subGoals-1-targetDate-error").text()).contains("efter i dag");
    assertThat(page.select(".error-summary a").eachText())
        .containsExactly("Mål 1 › Delmål 2 › Hvad er delmålet?: Skal udfyldes.",
            "Mål 1 › Delmål 2 › Nås senest: Skal være en dato efter i dag.");
    assertThat(page.selectFirst("input[name=goals[0].subGoals[1].targetDate]").val()).isEqualTo("2020-01-01");
    assertThat(page.selectFirst("input[name=goals[0].subGoals[0].title]").val()).isEqualTo("Fast sengetid");
  }

  @Test
  @DisplayName("the network meeting form records participants, each goal's progress, the youth's satisfaction and "
      + "the decision")
  void networkMeetingThroughTheForm() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Rasmus"));
    complete(caseNumber, "Task_WriteActionPlan", "karen", Map.of("youthOwnWords", "Jeg vil have venner.",
        "goals", List.of(Map.of("title", "Har en ven", "successCriterion", "Ses efter skole", "owner", "Rasmus",
            "targetDate", "2027-09-01", "subGoals", List.of(Map.of("title", "Går til klub", "targetDate",
                "2027-05-01"))))));
    TaskView meeting = task(caseNumber, "Task_HoldNetworkMeeting");
    Document form = html(mvc.perform(get("/tasks/" + meeting.id()).with(as("karen"))).andReturn());
    String goalId = form.selectFirst("input[type=hidden][name=goalProgress[0].goalId]").val();

    // no decision and a closure reason without closing: both refused, the rest kept
    MvcResult refused = mvc.perform(post("/tasks/" + meeting.id()).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", "Rasmus")
        .param("participants[1].role", "").param("participants[1].name", "")
        .param("goalProgress[0].goalId", goalId).param("goalProgress[0].progress", "6")
        .param("youthSatisfaction", "4").param("youthVoice", "Det går bedre.")
        .param("decision", "CONTINUE").param("closureReason", "GOAL_REACHED").param("decisionNote", "Fortsætter."))
        .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document page = html(refused);
    assertThat(page.getElementById("f-closureReason-error").text()).contains("lukkeårsag");
    assertThat(page.select("select[name=goalProgress[0].progress] option[selected]").val()).isEqualTo("6");
    assertThat(page.selectFirst("input[name=youthSatisfaction][value=4]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=participants[1].name]")).isEmpty();

    MvcResult done = mvc.perform(post("/tasks/" + meeting.id()).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", "Rasmus")
        .param("participants[1].role", "PARENT").param("participants[1].name", "Mor")
        .param("goalProgress[0].goalId", goalId).param("goalProgress[0].progress", "6")
        .param("youthSatisfaction", "4").param("youthVoice", "Det går bedre.")
        .param("decision", "CONTINUE").param("closureReason", "").param("decisionNote", "Fortsætter."))
        .andReturn();
    assertThat(done.getResponse().getStatus()).isEqualTo(302);
    var held = meetings.meetings(cases.get(caseNumber).id());
    assertThat(held).hasSize(1);
    assertThat(held.get(0).toString()).contains("Rasmus").contains("Mor");
  }

  @Test
  @DisplayName("the network meeting form refuses an outcome answer that is no answer and a question not asked at the "
      + "youth's age, shows each at its place and in the summary, keeps the other answers and stores nothing")
  void outcomeProblemsOnTheNetworkMeetingForm() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Sigrid")); // born 2015: school attendance is asked
    complete(caseNumber, "Task_WriteActionPlan", "karen", Map.of("youthOwnWords", "Jeg vil i skole hver dag.",
        "goals", List.of(Map.of("title", "Går i skole", "successCriterion", "Under 10 % fravær", "owner", "Sigrid",
            "targetDate", "2027-09-01", "subGoals", List.of(Map.of("title", "Møder til første time", "targetDate",
                "2027-05-01"))))));
    TaskView meeting = task(caseNumber, "Task_HoldNetworkMeeting");
    Document form = html(mvc.perform(get("/tasks/" + meeting.id()).with(as("karen"))).andReturn());
    assertThat(form.select("input[type=radio][name=outcomes[SCHOOL_ATTENDANCE]]")).hasSize(3);
    assertThat(form.select("input[type=radio][name=outcomes[NINTH_GRADE_EXAM]]")).isEmpty();
    String goalId = form.selectFirst("input[type=hidden][name=goalProgress[0].goalId]").val();

    MvcResult refused = mvc.perform(post("/tasks/" + meeting.id()).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", "Sigrid")
        .param("goalProgress[0].goalId", goalId).param("goalProgress[0].progress", "5")
        .param("youthSatisfaction", "5").param("youthVoice", "Skolen er fin.")
        .param("outcomes[SCHOOL_ATTENDANCE]", "måske").param("outcomes[NINTH_GRADE_EXAM]", "true")
        .param("decision", "CONTINUE").param("closureReason", "").param("decisionNote", "Fortsætter."))
        .andReturn();

    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document page = html(refused);
    assertThat(page.getElementById("f-outcomes-SCHOOL-ATTENDANCE-error")).as("the problem at the question").isNotNull();
    assertThat(page.selectFirst("fieldset.outcome.has-error legend").text()).startsWith("Går fast i skole");
    String summary = page.selectFirst(".error-summary").text();
    assertThat(summary).contains("Går fast i skole").contains("Har taget 9. klasses afgangsprøve")
        .containsPattern("Stilles ikke til en ung på 1\\d år");
    assertThat(page.selectFirst("input[name=youthSatisfaction][value=5]").hasAttr("checked")).isTrue();
    assertThat(page.select("select[name=goalProgress[0].progress] option[selected]").val()).isEqualTo("5");
    assertThat(meetings.meetings(cases.get(caseNumber).id())).as("no meeting stored").isEmpty();
  }

  @Test
  @DisplayName("after a step up at the network meeting, the choose-step form names the step it replaces and "
      + "recommends the step above")
  void stepChangeChooseStepForm() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Ulrik"));
    TaskView meeting = task(caseNumber, "Task_HoldNetworkMeeting");
    Document form = html(mvc.perform(get("/tasks/" + meeting.id()).with(as("karen"))).andReturn());
    String interventionId = form.select("select[name=interventionId] option").last().val();
    MvcResult stepUp = mvc.perform(post("/tasks/" + meeting.id()).with(as("karen")).with(csrf())
        .param("participants[0].role", "YOUTH").param("participants[0].name", "Ulrik")
        .param("youthSatisfaction", "2").param("decision", "STEP_UP").param("interventionId", interventionId)
        .param("decisionNote", "Rådgivningen er ikke nok.")).andReturn();
    assertThat(stepUp.getResponse().getStatus()).as(stepUp.getResponse().getContentAsString()).isEqualTo(302);
    Document choose = assertFormRenders("karen", task(caseNumber, "Task_ChooseStep"));
    assertThat(choose.select(".recommendation").text()).contains("Den nye indsats erstatter indsatsen på Trin");
    assertThat(choose.select("input[name=stepKey][checked]").val()).isEqualTo("HOME_BASED");
  }

  @Test
  @DisplayName("a caseworker who handled the case is refused the second-opinion re-assessment with a clear message")
  void secondOpinionConflict() throws Exception {
    TestChild child = child("Signe");
    String caseNumber = caseChoosingStep(child);
    notify(child);
    TaskView reassessment = task(caseNumber, "Task_Reassessment");
    MvcResult result = mvc.perform(post("/tasks/" + reassessment.id()).with(as("karen")).with(csrf())
        .param("assessment", "Ingen ny viden.").param("acuteMeasuresNeeded", "false")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(409);
    Document page = html(result);
    assertThat(page.select(".error-summary li").text()).contains("ikke har haft sagen før");
    assertThat(page.selectFirst("textarea[name=assessment]").text()).isEqualTo("Ingen ny viden.");
    assertThat(openTask(caseNumber, "Task_Reassessment")).isPresent();
  }

  // ---- htmx rows ---------------------------------------------------------------------------------------------------

  @Test
  @DisplayName("adding a goal, a sub-goal or a participant returns the new row and the button for the next one")
  void rowsForHtmx() throws Exception {
    String caseNumber = caseWithRunningIntervention(child("Tage"));
    TaskView plan = task(caseNumber, "Task_WriteActionPlan");
    Document goal = html(mvc.perform(get("/tasks/" + plan.id() + "/goal-row").param("index", "2")
        .header("HX-Request", "true").with(as("karen"))).andReturn());
    assertThat(goal.select("legend").first().text()).isEqualTo("Mål 3");
    assertThat(goal.select("input[name=goals[2].title]").hasAttr("autofocus")).isTrue();
    assertThat(goal.select("input[name=goals[2].subGoals[0].title]")).hasSize(1);
    assertThat(goal.select("label[for=f-goals-2-title]")).hasSize(1);
    Element next = goal.getElementById("add-goal");
    assertThat(next.attr("hx-swap-oob")).isEqualTo("true");
    assertThat(next.attr("hx-get")).endsWith("/goal-row?index=3");

    Document subGoal = html(mvc.perform(get("/tasks/" + plan.id() + "/subgoal-row").param("goal", "0")
        .param("index", "1").with(as("karen"))).andReturn());
    assertThat(subGoal.select("input[name=goals[0].subGoals[1].title]")).hasSize(1);
    assertThat(subGoal.getElementById("add-subgoal-0").attr("hx-get")).endsWith("goal=0&index=2");

    TaskView meeting = task(caseNumber, "Task_HoldNetworkMeeting");
    Document participant = html(mvc.perform(get("/tasks/" + meeting.id() + "/participant-row").param("index", "2")
        .with(as("karen"))).andReturn());
    assertThat(participant.select("select[name=participants[2].role] option")).hasSize(8);
    assertThat(participant.getElementById("add-participant").attr("hx-get")).endsWith("index=3");
  }

  @Test
  @DisplayName("a task that is gone sends the user back to the task list with a notice")
  void goneTask() throws Exception {
    MvcResult result = mvc.perform(get("/tasks/no-such-task").with(as("karen"))).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    assertThat(String.valueOf(result.getFlashMap().get("flash"))).contains("findes ikke længere");
  }

  @Test
  @DisplayName("a task claimed or completed by someone else meanwhile sends the user back to the task list saying so, "
      + "with nothing of theirs stored")
  void taskTakenMeanwhileIsNamedOnTheTaskList() throws Exception {
    String caseNumber = caseInInvestigation(child("Sigrid"));
    TaskView investigation = task(caseNumber, "Task_Investigation");
    assertThat(claimOnPage("karen", investigation.id()).getFlashMap().get("flash")).isNull();

    MvcResult lateClaim = claimOnPage("lars", investigation.id());
    assertThat(String.valueOf(lateClaim.getFlashMap().get("flash")))
        .isEqualTo(messages.getMessage("page.problem.task.claimed", null, DANISH));
    MvcResult lateForm = submitInvestigation("lars", investigation.id(), "Lars' fund.");
    assertThat(lateForm.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    assertThat(String.valueOf(lateForm.getFlashMap().get("flash")))
        .isEqualTo(messages.getMessage("page.problem.task.claimed", null, DANISH));
    assertThat(task(caseNumber, "Task_Investigation").assignee()).isEqualTo("karen");

    assertThat(submitInvestigation("karen", investigation.id(), "Karens fund.").getResponse().getRedirectedUrl())
        .isEqualTo("/tasks");
    MvcResult claimOfCompleted = claimOnPage("lars", investigation.id());
    assertThat(claimOfCompleted.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    assertThat(String.valueOf(claimOfCompleted.getFlashMap().get("flash")))
        .isEqualTo(messages.getMessage("page.problem.task.completed", null, DANISH));
    assertThat(openTask(caseNumber, "Task_Investigation")).isEmpty();
  }

  private MvcResult claimOnPage(String user, String taskId) throws Exception {
    MvcResult result = mvc.perform(post("/tasks/" + taskId + "/claim").with(as(user)).with(csrf())).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    return result;
  }

  private MvcResult submitInvestigation(String user, String taskId, String findings) throws Exception {
    MvcResult result = mvc.perform(post("/tasks/" + taskId).with(as(user)).with(csrf())
        .param("findings", findings).param("youthPerspective", "Jeg vil bo hjemme.")
        .param("riskLevel", "MODERATE").param("safeAtHome", "true").param("kinOrNetworkPossible", "false")
        .param("youthWish", "STAY_HOME").param("outcome", "INTERVENTION")).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    return result;
  }

  @Test
  @DisplayName("the task list links each task to its form")
  void taskListLinksToForms() throws Exception {
    String caseNumber = notify(child("Ulla"));
    TaskView acute = task(caseNumber, "Task_AcuteAssessment");
    Document list = html(mvc.perform(get("/tasks").with(as("ida"))).andReturn());
    Element open = list.selectFirst("a[href=/tasks/" + acute.id() + "]");
    assertThat(open).isNotNull();
    assertThat(open.attr("aria-label")).startsWith(open.text()).contains(caseNumber);
  }

  // ---- helpers -----------------------------------------------------------------------------------------------------

  /**
   * The form of the task renders for the user: the kind as heading, the header with the case link, a form that posts
   * back, every field with a unique id and a label, and no unresolved message key.
   */
  private Document assertFormRenders(String user, TaskView task) throws Exception {
    MvcResult result = mvc.perform(get("/tasks/" + task.id()).with(as(user))).andReturn();
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
    assertThat(body).doesNotContain("??");
    Document page = html(result);
    assertThat(page.select("h1").text()).isEqualTo(messages.getMessage("kind." + task.kind(), null, DANISH));
    assertThat(page.select(".task-header a[href=/cases/" + task.caseNumber() + "]")).hasSize(1);
    assertThat(page.select(".task-header").text()).contains(task.childName());
    Element form = page.selectFirst("form[method=post][action=/tasks/" + task.id() + "]");
    assertThat(form).as("the form posting back to the task").isNotNull();
    assertThat(form.select("button[type=submit]")).hasSize(1);
    Set<String> ids = new HashSet<>();
    for (Element field : form.select("input:not([type=hidden]), select, textarea")) {
      assertThat(field.id()).as("id of " + field.attr("name")).isNotBlank();
      assertThat(ids.add(field.id())).as("unique id " + field.id()).isTrue();
      assertThat(page.select("label[for=" + field.id() + "]")).as("label of " + field.attr("name")).hasSize(1);
      assertThat(field.attr("name")).as("name of " + field.id()).isNotBlank();
    }
    assertThat(page.select("h2").size()).isGreaterThan(0);
    assertThat(page.select(".error-summary")).isEmpty();
    return page;
  }
}
