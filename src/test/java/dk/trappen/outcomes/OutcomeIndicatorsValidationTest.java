package dk.trappen.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

@DisplayName("The outcome indicators are validated at startup, naming the key of every problem")
class OutcomeIndicatorsValidationTest {

  static OutcomeProperties.IndicatorDefinition indicator(String key, int min, int max, boolean desired) {
    OutcomeProperties.IndicatorDefinition d = new OutcomeProperties.IndicatorDefinition();
    d.setKey(key);
    d.setName("Spørgsmål " + key);
    d.setNameEn("Question " + key);
    d.setMinAge(min);
    d.setMaxAge(max);
    d.setDesired(desired);
    return d;
  }

  static OutcomeProperties three() {
    OutcomeProperties p = new OutcomeProperties();
    p.setIndicators(new ArrayList<>(List.of(indicator("SCHOOL_ATTENDANCE", 6, 17, true),
        indicator("EDUCATION_OR_WORK", 15, 22, true), indicator("POLICE_CONTACT", 12, 22, false))));
    return p;
  }

  static OutcomeProperties withThird(Consumer<OutcomeProperties.IndicatorDefinition> change) {
    OutcomeProperties p = three();
    change.accept(p.getIndicators().get(2));
    return p;
  }

  @Test
  @DisplayName("the shipped config/outcomes.yml binds and is valid: five indicators, police contact not desired")
  void shippedIsValid() throws Exception {
    List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("outcomes.yml",
        new FileSystemResource("config/outcomes.yml"));
    OutcomeProperties p = new Binder(ConfigurationPropertySources.from(sources))
        .bind("trappen.outcomes", OutcomeProperties.class).get();
    OutcomeIndicators indicators = new OutcomeIndicators(p);
    assertThat(indicators.all()).extracting(Indicator::key).containsExactly("SCHOOL_ATTENDANCE", "NINTH_GRADE_EXAM",
        "EDUCATION_OR_WORK", "POLICE_CONTACT", "SUBSTANCE_USE");
    assertThat(indicators.get("POLICE_CONTACT").orElseThrow().desired()).isFalse();
    assertThat(indicators.get("SCHOOL_ATTENDANCE").orElseThrow().nameEn()).startsWith("Attends school");
  }

  @Test
  @DisplayName("a valid configuration keeps the order and the ages")
  void valid() {
    OutcomeIndicators indicators = new OutcomeIndicators(three());
    assertThat(indicators.all()).extracting(Indicator::key)
        .containsExactly("SCHOOL_ATTENDANCE", "EDUCATION_OR_WORK", "POLICE_CONTACT");
    assertThat(indicators.get("POLICE_CONTACT").orElseThrow().asksAge(12)).isTrue();
    assertThat(indicators.get("POLICE_CONTACT").orElseThrow().asksAge(11)).isFalse();
  }

  @Test
  @DisplayName("no indicators at all is allowed: nothing is asked")
  void none() {
    OutcomeProperties p = new OutcomeProperties();
    p.setIndicators(null);
    assertThat(new OutcomeIndicators(p).all()).isEmpty();
  }

  @Test
  @DisplayName("a duplicate key is refused, naming both places")
  void duplicateKey() {
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setKey("SCHOOL_ATTENDANCE"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.outcomes.indicators[2].key: duplicate key SCHOOL_ATTENDANCE")
        .hasMessageContaining("indicators[0]");
  }

  @Test
  @DisplayName("a key that is not upper case, or missing, is refused")
  void badKey() {
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setKey("police-contact"))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].key: 'police-contact'");
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setKey(" "))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].key: missing");
  }

  @Test
  @DisplayName("a blank Danish or English name is refused")
  void blankNames() {
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setName(""))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].name: must not be blank");
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setNameEn(null))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].name-en: must not be blank");
  }

  @Test
  @DisplayName("ages must hold 0 <= min-age <= max-age <= 30")
  void ages() {
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setMinAge(-1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.outcomes.indicators[2].min-age: -1");
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setMaxAge(31))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].max-age: 31 must be at most 30");
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setMaxAge(11))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].max-age: 11 is below min-age 12");
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setMinAge(null))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].min-age: missing");
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setMaxAge(null))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].max-age: missing");
  }

  @Test
  @DisplayName("the desired answer is required")
  void desired() {
    assertThatThrownBy(() -> new OutcomeIndicators(withThird(d -> d.setDesired(null))))
        .hasMessageStartingWith("trappen.outcomes.indicators[2].desired: missing");
  }

  @Test
  @DisplayName("a youth's age in whole years counts from the birthday on")
  void age() {
    LocalDate born = LocalDate.of(2010, 3, 15);
    assertThat(OutcomeService.age(born, LocalDate.of(2022, 3, 14))).isEqualTo(11);
    assertThat(OutcomeService.age(born, LocalDate.of(2022, 3, 15))).isEqualTo(12);
  }
}
