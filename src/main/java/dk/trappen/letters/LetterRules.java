package dk.trappen.letters;

import static dk.trappen.letters.LetterContent.blankToNull;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.Problem;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The letters' rules, each returning every problem at once: what a draft's reasons and free text may hold, and what
 * stops a draft from being sent. The API and the letter page ask the same rules through {@link LettersService}.
 */
@Component
class LetterRules {

  /** The longest reasons or free text a letter takes, in characters. */
  static final int MAX_TEXT = 8000;

  private final Validator validator;
  private final LetterContent content;
  private final LettersProperties properties;

  LetterRules(Validator validator, LetterContent content, LettersProperties properties) {
    this.validator = validator;
    this.content = content;
    this.properties = properties;
  }

  /** Every problem with an edit of a draft: the edit's own constraints first, then its texts. */
  List<Problem> editProblems(LetterEdit edit) {
    List<Problem> problems = new ArrayList<>();
    validator.validate(edit).forEach(v -> problems.add(Problem.of(v)));
    if (problems.isEmpty()) {
      problems.addAll(textProblems(edit.reasons(), edit.freeText()));
    }
    return problems;
  }

  /** Every problem with a letter's reasons and free text (either may be null): too long, or a control character. */
  static List<Problem> textProblems(String reasons, String freeText) {
    List<Problem> problems = new ArrayList<>();
    check("reasons", reasons, problems);
    check("freeText", freeText, problems);
    return problems;
  }

  /**
   * Every problem that stops a letter from being sent at {@code at}: sent already (alone), a decision letter without
   * reasons, and no one to receive it.
   */
  List<Problem> sendProblems(Letter l, CaseRef c, Instant at) {
    if (l.getStatus() == LetterStatus.SENT) {
      return List.of(Problem.of("status", "problem.letters.sent", l.getId()));
    }
    List<Problem> problems = new ArrayList<>();
    if (l.getKind() == LetterKind.DECISION && blankToNull(l.getReasons()) == null) {
      problems.add(Problem.of("reasons", "problem.letters.reasonsRequired"));
    }
    if (content.recipients(l, c, at).isEmpty()) {
      problems.add(Problem.of("recipients", "problem.letters.noRecipients", properties.getYouthPartyAge()));
    }
    return problems;
  }

  private static void check(String field, String text, List<Problem> problems) {
    if (text == null) {
      return;
    }
    if (text.length() > MAX_TEXT) {
      problems.add(Problem.of(field, "problem.tooLong", MAX_TEXT));
    } else if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')) {
      problems.add(Problem.of(field, ControlCharacters.PROBLEM));
    }
  }
}
