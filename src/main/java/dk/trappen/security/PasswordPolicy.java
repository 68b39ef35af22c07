package dk.trappen.security;

import dk.trappen.common.Problem;
import java.util.ArrayList;
import java.util.List;
import org.passay.CharacterCharacteristicsRule;
import org.passay.CharacterRule;
import org.passay.EnglishCharacterData;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharactersRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.WhitespaceRule;

/**
 * What a staff password must be (checked with Passay): 12 to 128 characters; at least three of lower case, upper
 * case, digits and other characters; not holding the user name (either way round); no run of five along the
 * keyboard, the alphabet or the digits; no character five times in a row. Every rule broken is a problem of its own,
 * so that a person choosing a password learns all of it at once. Used for the first administrator, a password an
 * administrator sets and a password a user chooses.
 */
public final class PasswordPolicy {

  /** The shortest password allowed. */
  public static final int MIN_LENGTH = 12;

  private static final PasswordValidator VALIDATOR = new PasswordValidator(
      new LengthRule(MIN_LENGTH, 128),
      characterKinds(),
      new UsernameRule(true, true),
      new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
      new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
      new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
      new RepeatCharactersRule(5, 1),
      new WhitespaceRule(new char[] {'\t', '\n', '\r'}));

  private PasswordPolicy() {
  }

  private static CharacterCharacteristicsRule characterKinds() {
    CharacterCharacteristicsRule kinds = new CharacterCharacteristicsRule(3,
        new CharacterRule(EnglishCharacterData.LowerCase, 1),
        new CharacterRule(EnglishCharacterData.UpperCase, 1),
        new CharacterRule(EnglishCharacterData.Digit, 1),
        new CharacterRule(EnglishCharacterData.Special, 1));
    kinds.setReportRuleFailures(false);
    return kinds;
  }

  /**
   * Every problem of {@code password} for the user {@code username}, at {@code field}: codes
   * {@code problem.password.<rule>}, the first with the length needed.
   */
  public static List<Problem> problems(String field, String password, String username) {
    if (password == null || password.isEmpty()) {
      return List.of(Problem.of(field, "problem.required"));
    }
    RuleResult result = VALIDATOR.validate(new PasswordData(username == null ? "" : username, password));
    List<Problem> problems = new ArrayList<>();
    result.getDetails().stream().map(detail -> detail.getErrorCode()).distinct().forEach(code -> problems.add(
        switch (code) {
          case "TOO_SHORT", "TOO_LONG" -> Problem.of(field, "problem.password.length", MIN_LENGTH, 128);
          case "INSUFFICIENT_CHARACTERISTICS" -> Problem.of(field, "problem.password.kinds");
          case "ILLEGAL_USERNAME", "ILLEGAL_USERNAME_REVERSED" -> Problem.of(field, "problem.password.username");
          case "ILLEGAL_QWERTY_SEQUENCE", "ILLEGAL_ALPHABETICAL_SEQUENCE", "ILLEGAL_NUMERICAL_SEQUENCE" ->
              Problem.of(field, "problem.password.sequence");
          case "ILLEGAL_REPEATED_CHARS" -> Problem.of(field, "problem.password.repeated");
          case "ILLEGAL_WHITESPACE" -> Problem.of(field, "problem.password.lineBreak");
          default -> Problem.of(field, "problem.password.weak");
        }));
    return problems.stream().distinct().toList();
  }
}
