package dk.trappen.outcomes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The validated outcome indicators, built once at startup from {@link OutcomeProperties}. A bad configuration stops
 * startup with an {@link IllegalStateException} whose message starts with the offending key, e.g.
 * {@code trappen.outcomes.indicators[2].max-age: 12 is below min-age 15}.
 *
 * <p>Rules: keys unique and upper case ({@code [A-Z][A-Z0-9_]*}); names (Danish and English) not blank;
 * {@code 0 <= min-age <= max-age <= 30}; {@code desired} given. No indicators at all is allowed (nothing is asked).
 */
@Component
public class OutcomeIndicators {

  /** The highest age an indicator may be asked at (the youth services end long before). */
  static final int MAX_AGE = 30;

  private static final String PREFIX = "trappen.outcomes.indicators";
  private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final List<Indicator> indicators;
  private final Map<String, Indicator> byKey;

  public OutcomeIndicators(OutcomeProperties properties) {
    List<OutcomeProperties.IndicatorDefinition> defs =
        properties.getIndicators() == null ? List.of() : properties.getIndicators();
    List<Indicator> built = new ArrayList<>();
    Map<String, Integer> indexOfKey = new HashMap<>();
    for (int i = 0; i < defs.size(); i++) {
      OutcomeProperties.IndicatorDefinition d = defs.get(i);
      String at = PREFIX + "[" + i + "]";
      if (d == null) {
        throw new IllegalStateException(at + ": missing indicator");
      }
      String key = d.getKey();
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(at + ".key: missing; every indicator needs a key such as SCHOOL_ATTENDANCE");
      }
      if (!KEY.matcher(key).matches()) {
        throw new IllegalStateException(at + ".key: '" + key + "' must be upper-case letters, digits and "
            + "underscores, starting with a letter ([A-Z][A-Z0-9_]*), e.g. SCHOOL_ATTENDANCE");
      }
      Integer earlier = indexOfKey.putIfAbsent(key, i);
      if (earlier != null) {
        throw new IllegalStateException(at + ".key: duplicate key " + key + " (also indicators[" + earlier + "])");
      }
      if (d.getName() == null || d.getName().isBlank()) {
        throw new IllegalStateException(at + ".name: must not be blank; give the indicator's Danish name");
      }
      if (d.getNameEn() == null || d.getNameEn().isBlank()) {
        throw new IllegalStateException(at + ".name-en: must not be blank; give the indicator's English name");
      }
      if (d.getMinAge() == null) {
        throw new IllegalStateException(at + ".min-age: missing; the youngest age the indicator is asked at");
      }
      if (d.getMinAge() < 0 || d.getMinAge() > MAX_AGE) {
        throw new IllegalStateException(at + ".min-age: " + d.getMinAge() + " must be from 0 to " + MAX_AGE);
      }
      if (d.getMaxAge() == null) {
        throw new IllegalStateException(at + ".max-age: missing; the oldest age the indicator is asked at");
      }
      if (d.getMaxAge() > MAX_AGE) {
        throw new IllegalStateException(at + ".max-age: " + d.getMaxAge() + " must be at most " + MAX_AGE);
      }
      if (d.getMaxAge() < d.getMinAge()) {
        throw new IllegalStateException(at + ".max-age: " + d.getMaxAge() + " is below min-age " + d.getMinAge());
      }
      if (d.getDesired() == null) {
        throw new IllegalStateException(at + ".desired: missing; say which answer is the good outcome (true or "
            + "false)");
      }
      built.add(new Indicator(key, d.getName().strip(), d.getNameEn().strip(), d.getMinAge(), d.getMaxAge(),
          d.getDesired()));
    }
    this.indicators = List.copyOf(built);
    Map<String, Indicator> keyed = new LinkedHashMap<>();
    built.forEach(ind -> keyed.put(ind.key(), ind));
    this.byKey = Collections.unmodifiableMap(keyed);
  }

  /** Every indicator, in the configured order. */
  public List<Indicator> all() {
    return indicators;
  }

  public Optional<Indicator> get(String key) {
    return Optional.ofNullable(key == null ? null : byKey.get(key));
  }
}
