package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.testsupport.JourneySeeder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 21's raw data: the outcome indicators answered at network meetings and follow-ups, and the safety plans of
 * running interventions, agreed over the API and reviewed at the meetings. Each test uses its own cases.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Outcomes and safety plans are recorded at the meetings and follow-ups")
class OutcomesAndSafetyPlansApiTest extends ApiTestSupport {

  /** 13 years old on the tests' start (2 March 2027): asked school, police and substances, not the 9th-grade exam. */
  private static final LocalDate BORN = LocalDate.of(2013, 6, 14);
  private static final AtomicInteger SERIAL = new AtomicInteger(3000 + (int) (Math.random() * 2000));

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  @DisplayName("a network meeting records the outcomes answered (not the unassessed) with the active step, and its "
      + "review of a safety plan; both read back in the case file and stored in the database")
  void meetingRecordsOutcomesAndReview() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    long interventionId = runningInterventionId(caseNumber);
    Response agreed = postJson("karen", planUrl(caseNumber, interventionId), Map.of(
        "content", "Ved tegn på vold ringer Alma til mormor.", "agreedWith", "Mor, far og mormor"));
    assertThat(agreed.status()).as(String.valueOf(agreed.body())).isEqualTo(200);
    long planId = agreed.body().path("id").asLong();
    assertThat(agreed.body().path("interventionId").asLong()).isEqualTo(interventionId);
    assertThat(agreed.body().path("agreedBy").asText()).isEqualTo("karen");

    Map<String, Object> outcomes = new LinkedHashMap<>();
    outcomes.put("SCHOOL_ATTENDANCE", true);
    outcomes.put("POLICE_CONTACT", false);
    outcomes.put("SUBSTANCE_USE", null);
    Map<String, Object> meeting = meeting();
    meeting.put("outcomes", outcomes);
    meeting.put("safetyPlanReviews", List.of(Map.of("safetyPlanId", planId, "holds", true, "note", "Planen virker.")));
    Response done = complete("karen", caseNumber, "network-meeting", meeting);
    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);

    JsonNode file = getJson("karen", "/api/cases/" + caseNumber).body();
    List<String> answered = new ArrayList<>();
    file.path("outcomes").forEach(o -> answered.add(o.path("indicatorKey").asText() + "=" + o.path("achieved")
        .asBoolean() + "@" + o.path("stepKey").asText()));
    assertThat(answered).containsExactlyInAnyOrder("SCHOOL_ATTENDANCE=true@PREVENTIVE",
        "POLICE_CONTACT=false@PREVENTIVE");
    JsonNode police = find(file.path("outcomes"), "indicatorKey", "POLICE_CONTACT");
    assertThat(police.path("desired").asBoolean()).as("no police contact is the good outcome: desired false").isFalse();
    JsonNode plan = file.path("safetyPlans").get(0);
    assertThat(plan.path("content").asText()).isEqualTo("Ved tegn på vold ringer Alma til mormor.");
    assertThat(plan.path("reviews")).hasSize(1);
    assertThat(plan.path("reviews").get(0).path("holds").asBoolean()).isTrue();
    assertThat(plan.path("reviews").get(0).path("note").asText()).isEqualTo("Planen virker.");

    long caseId = caseId(caseNumber);
    long meetingId = jdbc.queryForObject("select id from network_meeting where case_id = ?", Long.class, caseId);
    assertThat(jdbc.queryForList("select indicator_key, achieved, step_key, recorded_by from outcome_record "
        + "where case_id = ? and meeting_id = ? and follow_up_id is null order by indicator_key", caseId, meetingId))
        .extracting(r -> r.get("INDICATOR_KEY") + "/" + r.get("ACHIEVED") + "/" + r.get("STEP_KEY") + "/"
            + r.get("RECORDED_BY"))
        .containsExactly("POLICE_CONTACT/false/PREVENTIVE/karen", "SCHOOL_ATTENDANCE/true/PREVENTIVE/karen");
    assertThat(jdbc.queryForObject("select count(*) from safety_plan_review where safety_plan_id = ? and meeting_id = ?"
        + " and holds = true", Integer.class, planId, meetingId)).isEqualTo(1);
  }

  @Test
  @DisplayName("a follow-up records the outcomes answered, tied to the follow-up")
  void followUpRecordsOutcomes() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    Map<String, Object> outcomes = new HashMap<>();
    outcomes.put("SCHOOL_ATTENDANCE", false);
    outcomes.put("SUBSTANCE_USE", true);
    Response done = complete("karen", caseNumber, "follow-up", Map.of("effective", true,
        "conclusion", "Indsatsen virker.", "outcomes", outcomes));
    assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);

    long caseId = caseId(caseNumber);
    long followUpId = jdbc.queryForObject("select id from follow_up where case_id = ?", Long.class, caseId);
    assertThat(jdbc.queryForList("select indicator_key, achieved from outcome_record where case_id = ? and "
        + "follow_up_id = ? and meeting_id is null order by indicator_key", caseId, followUpId))
        .extracting(r -> r.get("INDICATOR_KEY") + "/" + r.get("ACHIEVED"))
        .containsExactly("SCHOOL_ATTENDANCE/false", "SUBSTANCE_USE/true");
    JsonNode file = getJson("karen", "/api/cases/" + caseNumber).body();
    assertThat(file.path("outcomes")).hasSize(2);
    assertThat(file.path("outcomes").get(0).path("followUpId").asLong()).isEqualTo(followUpId);
  }

  @Test
  @DisplayName("an unknown indicator, an indicator not asked at the youth's age and the review of another case's "
      + "safety plan are refused at once, each naming its field, and nothing of the meeting is stored")
  void meetingRefusals() throws Exception {
    String other = caseWithRunningIntervention();
    long foreignPlan = postJson("karen", planUrl(other, runningInterventionId(other)), Map.of(
        "content", "Plan for en anden sag.", "agreedWith", "Forældrene")).body().path("id").asLong();
    String caseNumber = caseWithRunningIntervention();
    Map<String, Object> meeting = meeting();
    meeting.put("outcomes", Map.of("NO_SUCH_THING", true, "NINTH_GRADE_EXAM", true, "SCHOOL_ATTENDANCE", true));
    meeting.put("safetyPlanReviews", List.of(Map.of("safetyPlanId", foreignPlan, "holds", false)));

    Response refused = complete("karen", caseNumber, "network-meeting", meeting);

    assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
    JsonNode errors = refused.body().path("errors");
    assertThat(errors.has("outcomes.NO_SUCH_THING")).as(errors.toString()).isTrue();
    assertThat(errors.has("outcomes.NINTH_GRADE_EXAM")).as(errors.toString()).isTrue();
    assertThat(errors.has("outcomes.SCHOOL_ATTENDANCE")).isFalse();
    assertThat(errors.has("safetyPlanReviews[0].safetyPlanId")).as(errors.toString()).isTrue();
    long caseId = caseId(caseNumber);
    assertThat(jdbc.queryForObject("select count(*) from network_meeting where case_id = ?", Integer.class, caseId))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from outcome_record where case_id = ?", Integer.class, caseId))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from safety_plan_review where safety_plan_id = ?", Integer.class,
        foreignPlan)).isZero();
    assertThat(taskId("karen", caseNumber, "network-meeting")).as("the task waits still").isNotNull();

    Map<String, Object> noHolds = meeting();
    noHolds.put("safetyPlanReviews", List.of(Map.of("safetyPlanId", foreignPlan)));
    Response unsaid = complete("karen", caseNumber, "network-meeting", noHolds);
    assertThat(unsaid.status()).isEqualTo(400);
    assertThat(unsaid.body().path("errors").has("safetyPlanReviews[0].holds")).as(unsaid.body().toString()).isTrue();

    Response followUp = complete("karen", caseNumber, "follow-up", Map.of("effective", true,
        "conclusion", "Virker.", "outcomes", Map.of("NINTH_GRADE_EXAM", false)));
    assertThat(followUp.status()).isEqualTo(400);
    assertThat(followUp.body().path("errors").has("outcomes.NINTH_GRADE_EXAM")).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from follow_up where case_id = ?", Integer.class, caseId))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from outcome_record where case_id = ?", Integer.class, caseId))
        .isZero();
  }

  @Test
  @DisplayName("a safety plan agreed anew replaces its content in place and keeps its reviews; missing content, "
      + "another case's intervention and an ended intervention are refused naming the field, nothing stored; another "
      + "team and intake get not found, a head of department 403")
  void agreeReplaceRefuse() throws Exception {
    String caseNumber = caseWithRunningIntervention();
    long interventionId = runningInterventionId(caseNumber);
    String url = planUrl(caseNumber, interventionId);

    Response missing = postJson("karen", url, Map.of("agreedWith", "Forældrene"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").has("content")).as(missing.body().toString()).isTrue();
    Response tooLong = postJson("karen", url, Map.of("content", "x".repeat(10_001), "agreedWith", " "));
    assertThat(tooLong.body().path("errors").has("content")).isTrue();
    assertThat(tooLong.body().path("errors").has("agreedWith")).isTrue();
    long caseId = caseId(caseNumber);
    assertThat(jdbc.queryForObject("select count(*) from safety_plan where case_id = ?", Integer.class, caseId))
        .isZero();

    for (String outsider : List.of("sofie", "ida")) {
      assertThat(postJson(outsider, url, Map.of("content", "Plan.", "agreedWith", "Mor")).status())
          .as(outsider).isEqualTo(404);
    }
    assertThat(postJson("hanne", url, Map.of("content", "Plan.", "agreedWith", "Mor")).status()).isEqualTo(403);

    long planId = postJson("karen", url, Map.of("content", "Første plan.", "agreedWith", "Mor")).body().path("id")
        .asLong();
    Map<String, Object> meeting = meeting();
    meeting.put("safetyPlanReviews", List.of(Map.of("safetyPlanId", planId, "holds", false, "note", "Holder ikke.")));
    assertThat(complete("karen", caseNumber, "network-meeting", meeting).status()).isEqualTo(204);
    Response replaced = postJson("lars", url, Map.of("content", "Ny plan.", "agreedWith", "Mor og far"));
    assertThat(replaced.status()).as(String.valueOf(replaced.body())).isEqualTo(200);
    assertThat(replaced.body().path("id").asLong()).isEqualTo(planId);
    assertThat(replaced.body().path("content").asText()).isEqualTo("Ny plan.");
    assertThat(replaced.body().path("agreedWith").asText()).isEqualTo("Mor og far");
    assertThat(replaced.body().path("agreedBy").asText()).isEqualTo("lars");
    assertThat(replaced.body().path("reviews")).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from safety_plan where case_id = ?", Integer.class, caseId))
        .isEqualTo(1);

    String other = caseWithRunningIntervention();
    Response foreign = postJson("karen", planUrl(other, interventionId), Map.of("content", "Plan.", "agreedWith",
        "Mor"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body().path("errors").has("interventionId")).isTrue();

    Map<String, Object> close = meeting();
    close.put("decision", "CLOSE");
    close.put("closureReason", "GOAL_REACHED");
    assertThat(complete("karen", other, "network-meeting", close).status()).isEqualTo(204);
    long ended = getJson("karen", "/api/cases/" + other).body().path("stepHistory").get(0).path("id").asLong();
    Response notActive = postJson("karen", planUrl(other, ended), Map.of("content", "Plan.", "agreedWith", "Mor"));
    assertThat(notActive.status()).as(String.valueOf(notActive.body())).isEqualTo(400);
    assertThat(notActive.body().path("errors").has("interventionId")).isTrue();
    assertThat(notActive.body().toString()).contains("problem.safetyPlan.intervention.notActive");
    assertThat(jdbc.queryForObject("select count(*) from safety_plan where case_id = ?", Integer.class,
        caseId(other))).isZero();
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  private static String planUrl(String caseNumber, long interventionId) {
    return "/api/cases/" + caseNumber + "/interventions/" + interventionId + "/safety-plan";
  }

  private static Map<String, Object> meeting() {
    Map<String, Object> m = new HashMap<>();
    m.put("participants", List.of(Map.of("role", "YOUTH", "name", "Alma"), Map.of("role", "PARENT", "name", "Mor")));
    m.put("goalProgress", List.of());
    m.put("youthSatisfaction", 4);
    m.put("decision", "CONTINUE");
    m.put("decisionNote", "Fortsætter.");
    return m;
  }

  private long caseId(String caseNumber) {
    return jdbc.queryForObject("select id from youth_case where case_number = ?", Long.class, caseNumber);
  }

  private long runningInterventionId(String caseNumber) throws Exception {
    JsonNode running = getJson("karen", "/api/cases/" + caseNumber).body().path("runningInterventions");
    assertThat(running).hasSize(1);
    return running.get(0).path("id").asLong();
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + list);
  }

  /** A case on team nord with a running intervention on step PREVENTIVE, of a youth born {@link #BORN}. */
  private String caseWithRunningIntervention() throws Exception {
    return caseWithRunningIntervention(JourneySeeder.cpr(BORN, SERIAL.incrementAndGet() % 6000), BORN,
        LocalDate.of(2028, 12, 31), "EARLY_HELP");
  }
}
