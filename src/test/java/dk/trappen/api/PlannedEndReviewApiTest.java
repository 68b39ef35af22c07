package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The review before an intervention's planned end ("Forbered nedtrapning", issue 20 point 5b) over the API: it opens
 * a month before the planned end, guarded by a PLANNED_END_REVIEW deadline due by the end of that day; its policy
 * names every problem by field; the outcome is recorded on the intervention, audited and shown on the case page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The review before an intervention's planned end")
class PlannedEndReviewApiTest extends ApiTestSupport {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
  private static final LocalDate PLANNED_END = LocalDate.of(2027, 6, 30);
  private static final String OPENS = "Timer_PlannedEndReviewOpens";

  @Autowired
  private RuntimeService runtime;

  @Test
  @DisplayName("the review opens a month before the planned end, due by the end of that day; its checks name each "
      + "field at once; an extension moves the planned end, is audited, shows on the case page, and the review "
      + "opens again a month before the new end")
  void extensionIsRecordedAndReviewedAgain() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    assertThat(tasksOfKind(caseNumber)).as("no review before its time").isEmpty();
    openReview(caseNumber, PLANNED_END);

    JsonNode deadline = last(deadlines(caseNumber));
    assertThat(Instant.parse(deadline.path("dueAt").asText()))
        .isEqualTo(PLANNED_END.atTime(23, 59, 59).atZone(CPH).toInstant());
    assertThat(deadline.path("basis").asText()).contains("§ 95");
    String taskId = taskId("karen", caseNumber, "planned-end-review");
    Response task = getJson("karen", "/api/tasks/" + taskId);
    assertThat(task.status()).isEqualTo(200);
    assertThat(task.body().toString()).contains("EARLY_HELP").contains(PLANNED_END.toString());

    Response empty = complete("karen", caseNumber, "planned-end-review", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(fields(empty)).contains("outcome", "reason");
    Response noDate = complete("karen", caseNumber, "planned-end-review", review("EXTEND", null));
    assertThat(codes(noDate)).containsEntry("newPlannedEnd", "problem.review.newPlannedEnd.required");
    Response earlier = complete("karen", caseNumber, "planned-end-review", review("EXTEND", "2027-06-15"));
    assertThat(codes(earlier)).containsEntry("newPlannedEnd", "problem.review.newPlannedEnd.notLater");
    Response dateWithEnd = complete("karen", caseNumber, "planned-end-review", review("END", "2027-12-31"));
    assertThat(codes(dateWithEnd)).containsEntry("newPlannedEnd", "problem.review.newPlannedEnd.onlyForExtend");
    assertThat(intervention(caseNumber).path("plannedEnd").asText()).as("nothing recorded by a refusal")
        .isEqualTo(PLANNED_END.toString());

    Response extended = complete("karen", caseNumber, "planned-end-review", review("EXTEND", "2027-12-31"));
    assertThat(extended.status()).as(String.valueOf(extended.body())).isEqualTo(204);

    JsonNode i = intervention(caseNumber);
    assertThat(i.path("plannedEnd").asText()).isEqualTo("2027-12-31");
    assertThat(i.path("status").asText()).isEqualTo("RUNNING");
    assertThat(last(deadlines(caseNumber)).path("state").asText()).isEqualTo("MET");
    assertThat(tasksOfKind(caseNumber)).isEmpty();
    Job again = reviewTimer(caseNumber);
    assertThat(again.getDuedate().toInstant())
        .isEqualTo(LocalDate.of(2027, 11, 30).atStartOfDay(CPH).toInstant());

    Response trail = getJson("birgitte", "/api/cases/" + caseNumber + "/audit");
    assertThat(trail.body().toString()).contains("complete: planned-end-review");
    String page = mvc.perform(get("/cases/" + caseNumber).with(user("karen").roles("CASEWORKER")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Gennemgange før planlagt afslutning").contains("Forlænget til")
        .contains("Familien har brug for et halvt år mere.");
  }

  @Test
  @DisplayName("stepping down as planned recommends the recorded next step down in the step selection; the new "
      + "intervention replaces the old and has a review of its own")
  void stepDownChoosesTheNextStepDown() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    openReview(caseNumber, PLANNED_END);

    Response steppedDown = complete("karen", caseNumber, "planned-end-review", review("STEP_DOWN", null));
    assertThat(steppedDown.status()).as(String.valueOf(steppedDown.body())).isEqualTo(204);

    String choose = taskId("karen", caseNumber, "choose-step");
    JsonNode details = getJson("karen", "/api/tasks/" + choose).body();
    assertThat(details.toString()).contains("\"recommendedStepKey\":\"EARLY_HELP\"")
        .contains("\"selectionReason\":\"STEP_CHANGE\"");
    assertThat(complete("karen", caseNumber, "choose-step", Map.of("stepKey", "EARLY_HELP",
        "description", "Støttekontaktperson en gang om ugen.", "plannedEnd", "2027-12-31",
        "nextStepDownKey", "ORDINARY_LIFE", "childNotHeardReason", "Barnet er for lille til en samtale."))
        .status()).isEqualTo(204);

    List<JsonNode> all = interventions(caseNumber);
    assertThat(all).hasSize(2);
    assertThat(all.get(0).path("status").asText()).isEqualTo("ENDED");
    assertThat(all.get(0).path("endReason").asText()).isEqualTo("STEP_CHANGE");
    assertThat(all.get(1).path("stepKey").asText()).isEqualTo("EARLY_HELP");
    assertThat(all.get(1).path("status").asText()).isEqualTo("RUNNING");
    assertThat(reviewTimer(caseNumber).getDuedate().toInstant())
        .isEqualTo(LocalDate.of(2027, 11, 30).atStartOfDay(CPH).toInstant());
    String page = mvc.perform(get("/cases/" + caseNumber).with(user("karen").roles("CASEWORKER")))
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Trappet ned til");
  }

  @Test
  @DisplayName("ending the intervention at its review ends it now, with no further review; stepping down from the "
      + "last step before ordinary life is refused naming the outcome")
  void endingTheIntervention() throws Exception {
    String caseNumber = caseWithRunningIntervention("ORDINARY_LIFE");
    openReview(caseNumber, PLANNED_END);

    Response stepDown = complete("karen", caseNumber, "planned-end-review", review("STEP_DOWN", null));
    assertThat(codes(stepDown)).containsEntry("outcome", "problem.review.stepDown.ordinaryLife");

    assertThat(complete("karen", caseNumber, "planned-end-review", review("END", null)).status()).isEqualTo(204);

    JsonNode i = intervention(caseNumber);
    assertThat(i.path("status").asText()).isEqualTo("ENDED");
    assertThat(i.path("endReason").asText()).isEqualTo("PLANNED_END");
    assertThat(timers(caseNumber)).isEmpty();
    assertThat(last(deadlines(caseNumber)).path("state").asText()).isEqualTo("MET");
  }

  @Test
  @DisplayName("when the case closes before the review is made, the review's deadline is cancelled, not missed")
  void caseClosingCancelsTheDeadline() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    openReview(caseNumber, PLANNED_END);
    Map<String, Object> meeting = new HashMap<>();
    meeting.put("heldAt", now().toString());
    meeting.put("participants", List.of(Map.of("role", "YOUTH", "name", "Alma")));
    meeting.put("goalProgress", List.of());
    meeting.put("youthSatisfaction", 4);
    meeting.put("youthVoice", "Godt.");
    meeting.put("decision", "CLOSE");
    meeting.put("closureReason", "GOAL_REACHED");
    meeting.put("decisionNote", "Målet er nået.");

    Response closed = complete("karen", caseNumber, "network-meeting", meeting);
    assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(204);

    JsonNode deadline = last(deadlines(caseNumber));
    assertThat(deadline.path("state").asText()).isEqualTo("CANCELLED");
    assertThat(deadline.path("escalatedAt").isNull()).isTrue();
    assertThat(tasksOfKind(caseNumber)).isEmpty();
  }

  @Test
  @DisplayName("the page form shows the intervention and its exit plan in Danish; a bad submission comes back with "
      + "each problem next to its field and the typed values kept; a good one completes the review")
  void pageForm() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    openReview(caseNumber, PLANNED_END);
    String taskId = taskId("karen", caseNumber, "planned-end-review");

    Document form = Jsoup.parse(mvc.perform(get("/tasks/" + taskId).with(user("karen").roles("CASEWORKER")))
        .andReturn().getResponse().getContentAsString());
    assertThat(form.select("h1, h2").text()).contains("Forbered nedtrapning");
    assertThat(form.select("input[type=radio][name=outcome]").eachAttr("value"))
        .containsExactly("STEP_DOWN", "EXTEND", "END");
    assertThat(form.select("input[type=date][name=newPlannedEnd]")).hasSize(1);
    assertThat(form.select(".facts").text()).contains("Familierådgivning.");

    var refused = mvc.perform(post("/tasks/" + taskId).with(user("karen").roles("CASEWORKER")).with(csrf())
        .param("outcome", "EXTEND").param("newPlannedEnd", "2027-06-01").param("reason", "")).andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    Document page = Jsoup.parse(refused.getResponse().getContentAsString());
    assertThat(page.select(".error-summary a").eachAttr("href"))
        .containsExactly("#f-newPlannedEnd", "#f-reason");
    assertThat(page.getElementById("f-newPlannedEnd-error").text()).contains("efter den nuværende");
    assertThat(page.selectFirst("input[name=newPlannedEnd]").val()).isEqualTo("2027-06-01");
    assertThat(page.selectFirst("input[name=outcome][value=EXTEND]").hasAttr("checked")).isTrue();

    var accepted = mvc.perform(post("/tasks/" + taskId).with(user("karen").roles("CASEWORKER")).with(csrf())
        .param("outcome", "EXTEND").param("newPlannedEnd", "2027-09-30").param("reason", "Et kvartal mere."))
        .andReturn();
    assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
    assertThat(intervention(caseNumber).path("plannedEnd").asText()).isEqualTo("2027-09-30");
  }

  // ---- the case

  private static Map<String, Object> review(String outcome, String newPlannedEnd) {
    Map<String, Object> r = new HashMap<>();
    r.put("outcome", outcome);
    r.put("newPlannedEnd", newPlannedEnd);
    r.put("reason", "Familien har brug for et halvt år mere.");
    return r;
  }

  private String caseWithRunningIntervention() throws Exception {
    return caseWithRunningIntervention("EARLY_HELP");
  }

  /** A case on team nord with a running intervention on PREVENTIVE ending as planned on 30 June 2027. */
  private String caseWithRunningIntervention(String nextStepDown) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate born = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(700));
    return caseWithRunningIntervention(JourneySeeder.cpr(born, random.nextInt(6000)), born, PLANNED_END,
        nextStepDown);
  }

  /** The review's timer of this case waits for the start of the day a month before the planned end; fires it. */
  private void openReview(String caseNumber, LocalDate plannedEnd) throws Exception {
    Job opens = reviewTimer(caseNumber);
    Instant at = plannedEnd.minusMonths(1).atStartOfDay(CPH).toInstant();
    assertThat(opens.getDuedate().toInstant()).isEqualTo(at);
    moveClockTo(at);
    management.executeJob(opens.getId());
    assertThat(tasksOfKind(caseNumber)).hasSize(1);
  }

  private List<Job> timers(String caseNumber) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("youth-case").singleResult().getId();
    return management.createJobQuery().processInstanceId(pi).timers().activityId(OPENS).list();
  }

  private Job reviewTimer(String caseNumber) {
    List<Job> found = timers(caseNumber);
    assertThat(found).as("review timers of " + caseNumber).hasSize(1);
    return found.get(0);
  }

  private List<JsonNode> tasksOfKind(String caseNumber) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode t : allTasks("karen")) {
      if (caseNumber.equals(t.path("caseNumber").asText()) && "planned-end-review".equals(t.path("kind").asText())) {
        found.add(t);
      }
    }
    return found;
  }

  private List<JsonNode> interventions(String caseNumber) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    getJson("karen", "/api/cases/" + caseNumber).body().path("stepHistory").forEach(all::add);
    return all;
  }

  private JsonNode intervention(String caseNumber) throws Exception {
    return interventions(caseNumber).get(0);
  }

  private List<JsonNode> deadlines(String caseNumber) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    getJson("karen", "/api/cases/" + caseNumber).body().path("deadlines").forEach(d -> {
      if ("PLANNED_END_REVIEW".equals(d.path("kind").asText())) {
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

  private static List<String> fields(Response refused) {
    List<String> fields = new ArrayList<>();
    refused.body().path("errors").fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  private static Map<String, String> codes(Response refused) {
    assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
    Map<String, String> codes = new HashMap<>();
    refused.body().path("problems").forEach(p -> codes.put(p.path("field").asText(), p.path("code").asText()));
    return codes;
  }
}
