package dk.trappen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The DMN decision step-recommendation, one test per rule (hit policy FIRST), evaluated by the DMN engine. */
@DisplayName("Step recommendation decision")
class StepRecommendationDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = StepRecommendationDecisionTest.class.getResourceAsStream(
        "/bpmn/step-recommendation.dmn")) {
      decision = dmn.parseDecision("step-recommendation", in);
    }
  }

  private static DmnDecisionTableResult evaluate(String risk, Boolean safe, Boolean kin, String wish) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("riskLevel", risk);
    vars.put("safeAtHome", safe);
    vars.put("kinOrNetworkPossible", kin);
    vars.put("youthWish", wish);
    return dmn.evaluateDecisionTable(decision, vars);
  }

  private static String recommend(String risk, Boolean safe, Boolean kin, String wish) {
    DmnDecisionTableResult result = evaluate(risk, safe, kin, wish);
    assertThat(result).as("matched rules").hasSize(1);
    return result.getSingleEntry();
  }

  @Test
  @DisplayName("rule 1: safe at home with low risk recommends early help in universal services")
  void safeAtHomeLowRiskRecommendsUniversal() {
    assertThat(recommend("LOW", true, true, "FOSTER_FAMILY")).isEqualTo("UNIVERSAL");
  }

  @Test
  @DisplayName("rule 2: safe at home with moderate risk recommends preventive interventions")
  void safeAtHomeModerateRiskRecommendsPreventive() {
    assertThat(recommend("MODERATE", true, false, "INSTITUTION")).isEqualTo("PREVENTIVE");
  }

  @Test
  @DisplayName("rule 3: safe at home with high or acute risk recommends home-based measures")
  void safeAtHomeHighOrAcuteRiskRecommendsHomeBased() {
    assertThat(recommend("HIGH", true, false, "NO_WISH")).isEqualTo("HOME_BASED");
    assertThat(recommend("ACUTE", true, true, "STAY_HOME")).isEqualTo("HOME_BASED");
  }

  @Test
  @DisplayName("rule 4: not safe at home with kin or network possible recommends a kin placement, even at acute risk")
  void notSafeWithKinRecommendsKinPlacement() {
    assertThat(recommend("MODERATE", false, true, "INSTITUTION")).isEqualTo("KIN_PLACEMENT");
    assertThat(recommend("ACUTE", false, true, "NO_WISH")).isEqualTo("KIN_PLACEMENT");
  }

  @Test
  @DisplayName("rule 5: not safe at home at acute risk without kin recommends an institution")
  void notSafeAcuteRiskRecommendsInstitution() {
    assertThat(recommend("ACUTE", false, false, "STAY_HOME")).isEqualTo("INSTITUTION");
  }

  @Test
  @DisplayName("rule 6: not safe at home and the youth wishes an institution recommends an institution")
  void notSafeYouthWishesInstitutionRecommendsInstitution() {
    assertThat(recommend("HIGH", false, false, "INSTITUTION")).isEqualTo("INSTITUTION");
  }

  @Test
  @DisplayName("rule 7: otherwise not safe at home recommends a foster family")
  void notSafeOtherwiseRecommendsFosterFamily() {
    assertThat(recommend("HIGH", false, false, "FOSTER_FAMILY")).isEqualTo("FOSTER_FAMILY");
    assertThat(recommend("LOW", false, false, "STAY_HOME")).isEqualTo("FOSTER_FAMILY");
  }

  @Test
  @DisplayName("without findings (safe at home unknown) nothing is recommended")
  void noFindingsNoRecommendation() {
    assertThat(evaluate(null, null, null, null)).isEmpty();
  }

  @Test
  @DisplayName("the decision is a FIRST hit policy table over the four findings")
  void decisionShape() {
    assertThat(decision.getKey()).isEqualTo("step-recommendation");
    assertThat(decision.isDecisionTable()).isTrue();
    var table = (org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic();
    assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy().name()).isEqualTo("FIRST");
    assertThat(table.getInputs()).extracting(i -> i.getExpression().getExpression())
        .containsExactly("riskLevel", "safeAtHome", "kinOrNetworkPossible", "youthWish");
    assertThat(table.getRules()).hasSize(7);
  }
}
