package dk.trappen.outcomes;

import java.util.Locale;

/**
 * A validated outcome indicator: asked of youths from {@code minAge} to {@code maxAge} (whole years, inclusive);
 * {@code desired} is the answer that is the good outcome.
 */
public record Indicator(String key, String name, String nameEn, int minAge, int maxAge, boolean desired) {

  /** The name in the reader's language: English for English, else Danish. */
  public String name(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
  }

  /** Whether the indicator is asked of a youth of {@code age} whole years. */
  public boolean asksAge(int age) {
    return age >= minAge && age <= maxAge;
  }
}
