package dk.trappen.tasks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * Says what is wrong with a form field in the user's language. The services name problems in English for the API
 * (see {@link dk.trappen.common.InvalidInputException}); each known problem maps to a message in the bundles, first
 * one for the kind and field ({@code form.error.<kind>.<field>.<problem>}), then one for the field
 * ({@code form.error.<field>.<problem>}), then the general one ({@code form.error.<problem>}). A problem the pages do
 * not know is shown as the service phrased it rather than lost.
 */
final class FormProblems {

  private record Rule(Pattern pattern, String code) {
  }

  private static final List<Rule> RULES = List.of(
      rule("^must not contain control characters", "controlCharacters"),
      rule("^must not contain bidirectional control characters", "bidiControls"),
      rule("^must be at most (\\d+) characters", "tooLong"),
      rule("^must (?:have|list|rate) at most (\\d+)", "tooMany"),
      rule("^must be after today", "future"),
      rule("^must be between (\\d+) and (\\d+)", "range"),
      rule("^has the wrong (?:format|type)", "format"),
      rule("^is not a field of this", "unknownField"),
      rule("when the child is not safe at home", "notSafe"),
      rule("when the risk level is ACUTE", "acuteRisk"),
      rule("^is required because the chosen step", "higherThanRecommended"),
      rule("is not a step of the staircase", "unknownStep"),
      rule("^must be a step below the chosen step", "notBelow"),
      rule("^is required when acute measures are needed", "requiredForAcute"),
      rule("^is required when the placement is not approved", "requiredForRefusal"),
      rule("^is required for STEP_", "requiredForStepChange"),
      rule("is not a running intervention", "notRunning"),
      rule("^STEP_UP is not possible", "topStep"),
      rule("^STEP_DOWN is not possible", "firstStep"),
      rule("^is required to close the case", "requiredToClose"),
      rule("^only applies when the decision is CLOSE", "onlyForClose"),
      rule("uses weeks|is not an ISO-8601 period|^must be positive", "interval"),
      rule("has handled case .* before", "secondOpinion"),
      rule("chose this placement", "ownPlacement"),
      rule("already claimed by|is claimed by", "claimed"),
      rule("^was already completed by someone else", "completed"),
      rule("^was changed by someone else at the same time", "changedMeanwhile"),
      rule("is not a goal of the case's current plan|is already rated|has no action plan yet", "unknownGoal"),
      rule("^(?:is required|must (?:give|describe|record|name|say|list|have at least|be a ))", "required"));

  private static Rule rule(String regex, String code) {
    return new Rule(Pattern.compile(regex), code);
  }

  private FormProblems() {
  }

  /** The problem with the field at {@code path} in the user's language. */
  static String describe(String kind, String path, String problem, MessageSource messages, Locale locale) {
    String text = problem == null ? "" : problem;
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(text);
      if (m.find()) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.group(i + 1);
        }
        String message = message(kind, path, r.code(), args, messages, locale);
        if (message != null) {
          return message;
        }
      }
    }
    return text;
  }

  /** The message for a problem code at the field: for the kind and field, for the field, or in general. */
  static String message(String kind, String path, String code, Object[] args, MessageSource messages,
      Locale locale) {
    String field = FormState.normalize(path);
    for (String key : List.of("form.error." + kind + "." + field + "." + code, "form.error." + field + "." + code,
        "form.error." + code)) {
      String message = messages.getMessage(key, args, null, locale);
      if (message != null) {
        return message;
      }
    }
    return null;
  }
}
