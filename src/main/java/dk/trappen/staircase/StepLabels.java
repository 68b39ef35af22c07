package dk.trappen.staircase;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The steps as the forms name them: "Trin 2: Forebyggende indsatser", and the common goal below the staircase. */
@Component
public class StepLabels {

  private final StaircaseService staircase;
  private final MessageSource messages;

  StepLabels(StaircaseService staircase, MessageSource messages) {
    this.staircase = staircase;
    this.messages = messages;
  }

  /** The label of each step key (and of {@link Staircase#ORDINARY_LIFE}) in the user's language. */
  public Map<String, String> of(Locale locale) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Step s : staircase.steps()) {
      String name = "en".equals(locale.getLanguage()) && s.nameEn() != null ? s.nameEn() : s.name();
      labels.put(s.key(), messages.getMessage("form.step.label", new Object[] {s.position(), name}, locale));
    }
    labels.put(Staircase.ORDINARY_LIFE, messages.getMessage("form.step.ordinaryLife", null, locale));
    return labels;
  }
}
