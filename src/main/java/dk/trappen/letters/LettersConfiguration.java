package dk.trappen.letters;

import dk.trappen.staircase.StaircaseDecision;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Checks {@code trappen.letters} at start-up and stops the application with a message that starts with the offending
 * key: the appeal guidance of every kind of decision (time limit, appeal body, text), the youth's party age, and a
 * legal basis for every step of the staircase ({@code trappen.staircase.steps[i].legal-basis}), since a decision letter
 * must cite one.
 */
@Configuration
@EnableConfigurationProperties(LettersProperties.class)
class LettersConfiguration {

  static final String PREFIX = "trappen.letters";

  LettersConfiguration(LettersProperties properties, StaircaseService staircase) {
    check(properties, staircase.steps());
  }

  /** The key of a kind of decision under {@code trappen.letters.appeal}: STEP_CHOSEN is step-chosen. */
  static String appealKey(StaircaseDecision.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static void check(LettersProperties p, List<Step> steps) {
    if (p.getYouthPartyAge() < 0 || p.getYouthPartyAge() > 18) {
      throw new IllegalStateException(PREFIX + ".youth-party-age: must be from 0 to 18, found "
          + p.getYouthPartyAge());
    }
    blank(p.getMunicipality(), PREFIX + ".municipality", "the municipality's name in the letterhead");
    for (StaircaseDecision.Kind kind : StaircaseDecision.Kind.values()) {
      String key = PREFIX + ".appeal." + appealKey(kind);
      LettersProperties.Appeal a = p.getAppeal().get(appealKey(kind));
      if (a == null) {
        throw new IllegalStateException(key + ": missing; every kind of decision needs its appeal guidance "
            + "(time-limit-weeks, appeal-body, text), see docs/configuration.md#letters");
      }
      if (a.getTimeLimitWeeks() < 1 || a.getTimeLimitWeeks() > 52) {
        throw new IllegalStateException(key + ".time-limit-weeks: must be from 1 to 52 (Barnets Lov: 4), found "
            + a.getTimeLimitWeeks());
      }
      blank(a.getAppealBody(), key + ".appeal-body", "where the appeal is decided, e.g. Ankestyrelsen");
      blank(a.getText(), key + ".text", "the appeal guidance as printed");
      String formatted;
      try {
        formatted = new MessageFormat(a.getText(), Locale.forLanguageTag("da"))
            .format(new Object[] {a.getTimeLimitWeeks(), a.getAppealBody(), p.getMunicipality()});
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(key + ".text: not a valid pattern (" + e.getMessage() + ")");
      }
      if (!formatted.contains(String.valueOf(a.getTimeLimitWeeks())) || !formatted.contains(a.getAppealBody())) {
        throw new IllegalStateException(key + ".text: must state the time limit ({0}) and the appeal body ({1})");
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).legalBasis() == null) {
        throw new IllegalStateException("trappen.staircase.steps[" + i + "].legal-basis: missing for step "
            + steps.get(i).key() + "; a decision letter cites the provision the step rests on, e.g. Barnets Lov § 32");
      }
    }
  }

  private static void blank(String value, String key, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(key + ": must not be blank; give " + what);
    }
  }
}
