package dk.trappen.letters;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.trappen.staircase.HelpCategory;
import dk.trappen.staircase.Step;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code trappen.letters} is checked at start-up, and a problem stops it with a message that starts with the key. */
@DisplayName("The letters' configuration is validated at startup, naming the key")
class LettersConfigurationTest {

  private static final List<Step> STEPS = List.of(
      new Step("PREVENTIVE", "Forebyggende", "Preventive", 1, List.of(HelpCategory.PREVENTIVE), false,
          "Barnets Lov § 32", 6000, 0.75),
      new Step("FOSTER_FAMILY", "Plejefamilie", "Foster family", 2, List.of(HelpCategory.FOSTER_FAMILY), true,
          "Barnets Lov § 46", 42000, 1.5));

  private static LettersProperties valid() {
    LettersProperties p = new LettersProperties();
    for (String kind : List.of("step-chosen", "placement-approved", "intervention-ended")) {
      LettersProperties.Appeal a = new LettersProperties.Appeal();
      a.setTimeLimitWeeks(4);
      a.setAppealBody("Ankestyrelsen");
      a.setText("Klag til {1} inden {0} uger gennem {2}.");
      p.getAppeal().put(kind, a);
    }
    return p;
  }

  @Test
  @DisplayName("the shipped shape passes")
  void validPasses() {
    assertThatCode(() -> LettersConfiguration.check(valid(), STEPS)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a kind of decision without appeal guidance is named")
  void missingAppeal() {
    LettersProperties p = valid();
    p.getAppeal().remove("placement-approved");
    assertThatThrownBy(() -> LettersConfiguration.check(p, STEPS))
        .hasMessageStartingWith("trappen.letters.appeal.placement-approved: missing");
  }

  @Test
  @DisplayName("a time limit out of range, a blank appeal body and a text without the time limit are each named")
  void badAppealValues() {
    LettersProperties weeks = valid();
    weeks.getAppeal().get("step-chosen").setTimeLimitWeeks(0);
    assertThatThrownBy(() -> LettersConfiguration.check(weeks, STEPS))
        .hasMessageStartingWith("trappen.letters.appeal.step-chosen.time-limit-weeks:");
    LettersProperties body = valid();
    body.getAppeal().get("intervention-ended").setAppealBody(" ");
    assertThatThrownBy(() -> LettersConfiguration.check(body, STEPS))
        .hasMessageStartingWith("trappen.letters.appeal.intervention-ended.appeal-body:");
    LettersProperties text = valid();
    text.getAppeal().get("step-chosen").setText("Klag til {1}.");
    assertThatThrownBy(() -> LettersConfiguration.check(text, STEPS))
        .hasMessageStartingWith("trappen.letters.appeal.step-chosen.text:");
  }

  @Test
  @DisplayName("a step without a legal basis and a youth party age out of range are named")
  void legalBasisAndAge() {
    List<Step> steps = List.of(STEPS.get(0),
        new Step("FOSTER_FAMILY", "Plejefamilie", "Foster family", 2, List.of(HelpCategory.FOSTER_FAMILY), true));
    assertThatThrownBy(() -> LettersConfiguration.check(valid(), steps))
        .hasMessageStartingWith("trappen.staircase.steps[1].legal-basis: missing for step FOSTER_FAMILY");
    LettersProperties age = valid();
    age.setYouthPartyAge(19);
    assertThatThrownBy(() -> LettersConfiguration.check(age, STEPS))
        .hasMessageStartingWith("trappen.letters.youth-party-age:");
  }
}
