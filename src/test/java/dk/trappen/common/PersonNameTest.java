package dk.trappen.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A person's name")
class PersonNameTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  record Named(@PersonName String name) {
  }

  private static Set<ConstraintViolation<Named>> check(String name) {
    return VALIDATOR.validate(new Named(name));
  }

  @Test
  @DisplayName("refuses each Unicode bidirectional control, with the problem the API names")
  void refusesEveryBidiControl() {
    List<Character> controls = List.of('\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D',
        '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
    for (char c : controls) {
      Set<ConstraintViolation<Named>> violations = check("Ali" + c + "ce");
      assertThat(violations).as("U+%04X", (int) c).hasSize(1);
      Problem problem = Problem.of(violations.iterator().next());
      assertThat(problem.code()).isEqualTo(ControlCharacters.BIDI_PROBLEM);
      assertThat(InvalidInputException.of(List.of(problem)).fieldErrors())
          .containsExactly(Map.entry("name", ControlCharacters.BIDI_PROBLEM_TEXT));
      assertThat(ControlCharacters.bidiPresent("x" + c)).isTrue();
    }
  }

  @Test
  @DisplayName("accepts names in any script, with accents, hyphens and apostrophes, and no name at all")
  void acceptsOrdinaryNames() {
    for (String name : List.of("Søren Ærø-Åberg", "Zoë O'Neill", "محمد", "עדי", "Nguyễn Thị Minh Khai", "")) {
      assertThat(check(name)).as(name).isEmpty();
    }
    assertThat(check(null)).isEmpty();
    // neighbours of the controls are not controls: zero-width joiner, the line separator, the narrow no-break space
    assertThat(ControlCharacters.bidiPresent("a\u200Db\u2028c\u202Fd\u2065e\u206Af")).isFalse();
  }
}
