package dk.trappen.staircase;

import static dk.trappen.staircase.HelpCategory.FOSTER_FAMILY;
import static dk.trappen.staircase.HelpCategory.HOME_BASED;
import static dk.trappen.staircase.HelpCategory.INSTITUTION;
import static dk.trappen.staircase.HelpCategory.KIN_PLACEMENT;
import static dk.trappen.staircase.HelpCategory.PREVENTIVE;
import static dk.trappen.staircase.HelpCategory.UNIVERSAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

@DisplayName("The staircase is validated at startup, naming the key of every problem")
class StaircaseValidationTest {

  static StaircaseProperties.StepDefinition step(String key, String name, boolean placement, HelpCategory... covers) {
    StaircaseProperties.StepDefinition s = new StaircaseProperties.StepDefinition();
    s.setKey(key);
    s.setName(name);
    s.setNameEn(name + " (en)");
    s.setCovers(new ArrayList<>(List.of(covers)));
    s.setPlacement(placement);
    s.setMonthlyCost(1000L);
    s.setCaseloadWeight(1.0);
    return s;
  }

  /** The national six-step staircase, built in code. */
  static StaircaseProperties national() {
    StaircaseProperties p = new StaircaseProperties();
    p.setName("Den nationale indsatstrappe");
    p.setSteps(new ArrayList<>(List.of(
        step("EARLY_HELP", "Tidlig indsats", false, UNIVERSAL),
        step("PREVENTIVE", "Forebyggende indsatser", false, PREVENTIVE),
        step("HOME_BASED", "Hjemmebaserede foranstaltninger", false, HOME_BASED),
        step("KIN_PLACEMENT", "Anbringelse i slægt eller netværk", true, KIN_PLACEMENT),
        step("FOSTER_FAMILY", "Anbringelse i plejefamilie", true, FOSTER_FAMILY),
        step("INSTITUTION", "Anbringelse på institution", true, INSTITUTION))));
    return p;
  }

  static Staircase shipped(String file) throws Exception {
    List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file,
        new FileSystemResource("config/" + file));
    StaircaseProperties p = new Binder(ConfigurationPropertySources.from(sources))
        .bind("trappen.staircase", StaircaseProperties.class).get();
    return new Staircase(p);
  }

  @Test
  @DisplayName("the shipped national staircase is valid: six steps, three of them placements")
  void nationalStaircaseIsValid() throws Exception {
    Staircase s = shipped("staircase.yml");
    assertThat(s.steps()).extracting(Step::key).containsExactly("EARLY_HELP", "PREVENTIVE", "HOME_BASED",
        "KIN_PLACEMENT", "FOSTER_FAMILY", "INSTITUTION");
    assertThat(s.steps()).extracting(Step::position).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(s.steps()).filteredOn(Step::placement).extracting(Step::key)
        .containsExactly("KIN_PLACEMENT", "FOSTER_FAMILY", "INSTITUTION");
    assertThat(s.step("HOME_BASED")).get().extracting(Step::nameEn).isEqualTo("Home-based measures");
    assertThat(s.stepFor(PREVENTIVE).key()).isEqualTo("PREVENTIVE");
  }

  @Test
  @DisplayName("the shipped Copenhagen staircase is valid; one step covers both prevention and home-based help")
  void copenhagenStaircaseIsValid() throws Exception {
    Staircase s = shipped("staircase-copenhagen.yml");
    assertThat(s.steps()).hasSize(5);
    assertThat(s.stepFor(PREVENTIVE).key()).isEqualTo("CPH_PREVENTION");
    assertThat(s.stepFor(HOME_BASED).key()).isEqualTo("CPH_PREVENTION");
    assertThat(s.stepFor(INSTITUTION).position()).isEqualTo(5);
  }

  @Test
  @DisplayName("a staircase needs at least two steps")
  void atLeastTwoSteps() {
    StaircaseProperties p = national();
    StaircaseProperties.StepDefinition only = step("ALL", "Alt", false, HelpCategory.values());
    p.setSteps(new ArrayList<>(List.of(only)));
    assertThatThrownBy(() -> new Staircase(p)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.staircase.steps: ").hasMessageContaining("at least 2 steps");
  }

  @Test
  @DisplayName("every step needs a key")
  void keyRequired() {
    StaircaseProperties p = national();
    p.getSteps().get(1).setKey(" ");
    assertThatThrownBy(() -> new Staircase(p)).hasMessageStartingWith("trappen.staircase.steps[1].key: missing");
  }

  @Test
  @DisplayName("a key must be upper case letters, digits and underscores, starting with a letter")
  void keyPattern() {
    StaircaseProperties p = national();
    p.getSteps().get(1).setKey("preventive");
    assertThatThrownBy(() -> new Staircase(p)).hasMessageStartingWith("trappen.staircase.steps[1].key: 'preventive'")
        .hasMessageContaining("[A-Z][A-Z0-9_]*");
    p.getSteps().get(1).setKey("2ND_STEP");
    assertThatThrownBy(() -> new Staircase(p)).hasMessageStartingWith("trappen.staircase.steps[1].key: '2ND_STEP'");
  }

  @Test
  @DisplayName("keys are unique")
  void keysUnique() {
    StaircaseProperties p = national();
    p.getSteps().get(3).setKey("HOME_BASED");
    assertThatThrownBy(() -> new Staircase(p))
        .hasMessageStartingWith("trappen.staircase.steps[3].key: duplicate key HOME_BASED")
        .hasMessageContaining("steps[2]");
  }

  @Test
  @DisplayName("ORDINARY_LIFE is reserved for the common goal below the first step")
  void ordinaryLifeReserved() {
    StaircaseProperties p = national();
    p.getSteps().get(0).setKey(Staircase.ORDINARY_LIFE);
    assertThatThrownBy(() -> new Staircase(p)).hasMessageStartingWith("trappen.staircase.steps[0].key: ORDINARY_LIFE")
        .hasMessageContaining("reserved");
  }

  @Test
  @DisplayName("the staircase must be named")
  void staircaseNamed() {
    StaircaseProperties p = national();
    p.setName("");
    assertThatThrownBy(() -> new Staircase(p)).hasMessageStartingWith("trappen.staircase.name: must not be blank");
  }

  @Test
  @DisplayName("every step needs a Danish name")
  void stepNamed() {
    StaircaseProperties p = national();
    p.getSteps().get(4).setName("  ");
    assertThatThrownBy(() -> new Staircase(p))
        .hasMessageStartingWith("trappen.staircase.steps[4].name: must not be blank");
  }

  @Test
  @DisplayName("every step needs an English name")
  void stepNamedInEnglish() {
    StaircaseProperties p = national();
    p.getSteps().get(2).setNameEn(null);
    assertThatThrownBy(() -> new Staircase(p))
        .hasMessageStartingWith("trappen.staircase.steps[2].name-en: must not be blank");
  }

  @Test
  @DisplayName("a kind of help covered by two steps is refused, naming both")
  void coveredTwice() {
    StaircaseProperties p = national();
    p.getSteps().get(1).getCovers().set(0, UNIVERSAL);
    assertThatThrownBy(() -> new Staircase(p))
        .hasMessageStartingWith("trappen.staircase.steps[1].covers[0]: UNIVERSAL is already covered by steps[0] "
            + "(EARLY_HELP)");
  }

  @Test
  @DisplayName("a kind of help covered by no step is refused, naming it")
  void notCovered() {
    StaircaseProperties p = national();
    p.getSteps().get(2).getCovers().clear();
    assertThatThrownBy(() -> new Staircase(p))
        .hasMessageStartingWith("trappen.staircase.steps: no step covers HOME_BASED");
  }

  @Test
  @DisplayName("the steps must go from the least to the most intrusive help")
  void coversInOrder() {
    StaircaseProperties p = national();
    p.getSteps().get(0).setCovers(new ArrayList<>(List.of(PREVENTIVE)));
    p.getSteps().get(1).setCovers(new ArrayList<>(List.of(UNIVERSAL)));
    assertThatThrownBy(() -> new Staircase(p))
        .hasMessageStartingWith("trappen.staircase.steps[1].covers[0]: UNIVERSAL is less intrusive than PREVENTIVE");
  }

  @Test
  @DisplayName("steps are found by key, position and kind of help")
  void lookups() {
    Staircase s = new Staircase(national());
    assertThat(s.name()).isEqualTo("Den nationale indsatstrappe");
    assertThat(s.at(1)).get().extracting(Step::key).isEqualTo("EARLY_HELP");
    assertThat(s.at(0)).isEmpty();
    assertThat(s.at(7)).isEmpty();
    assertThat(s.step("NOPE")).isEmpty();
    assertThat(s.step(null)).isEmpty();
    assertThat(s.stepFor(KIN_PLACEMENT).placement()).isTrue();
  }

  @Test
  @DisplayName("a step without a monthly cost, or with a negative one, stops startup naming the key")
  void monthlyCostIsRequiredAndNotNegative() {
    StaircaseProperties missing = national();
    missing.getSteps().get(2).setMonthlyCost(null);
    assertThatThrownBy(() -> new Staircase(missing)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.staircase.steps[2].monthly-cost: missing for step HOME_BASED");
    StaircaseProperties negative = national();
    negative.getSteps().get(0).setMonthlyCost(-1L);
    assertThatThrownBy(() -> new Staircase(negative)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.staircase.steps[0].monthly-cost: '-1' is negative for step EARLY_HELP");
  }

  @Test
  @DisplayName("a step without a caseload weight, or with a weight of 0, stops startup naming the key")
  void caseloadWeightIsRequiredAndPositive() {
    StaircaseProperties missing = national();
    missing.getSteps().get(5).setCaseloadWeight(null);
    assertThatThrownBy(() -> new Staircase(missing)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.staircase.steps[5].caseload-weight: missing for step INSTITUTION");
    StaircaseProperties zero = national();
    zero.getSteps().get(1).setCaseloadWeight(0.0);
    assertThatThrownBy(() -> new Staircase(zero)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.staircase.steps[1].caseload-weight: '0.0' is not more than 0 for step "
            + "PREVENTIVE");
  }

  @Test
  @DisplayName("the shipped staircases give every step a cost and a weight, and each placement its kind")
  void shippedStaircasesCarryCostsWeightsAndPlacementKinds() throws Exception {
    Staircase national = shipped("staircase.yml");
    assertThat(national.step("INSTITUTION").orElseThrow().monthlyCost()).isEqualTo(95000);
    assertThat(national.step("EARLY_HELP").orElseThrow().caseloadWeight()).isEqualTo(0.5);
    assertThat(national.steps()).extracting(Step::placementKind)
        .containsExactly(null, null, null, KIN_PLACEMENT, FOSTER_FAMILY, INSTITUTION);
    Staircase copenhagen = shipped("staircase-copenhagen.yml");
    assertThat(copenhagen.steps()).extracting(Step::placementKind)
        .containsExactly(null, null, KIN_PLACEMENT, FOSTER_FAMILY, INSTITUTION);
    assertThat(copenhagen.steps()).allSatisfy(step -> assertThat(step.monthlyCost()).isPositive());
  }
}
