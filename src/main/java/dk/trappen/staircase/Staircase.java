package dk.trappen.staircase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The validated staircase, built once at startup from {@link StaircaseProperties}. A bad staircase stops startup with
 * an {@link IllegalStateException} whose message starts with the offending key, e.g.
 * {@code trappen.staircase.steps[2].key: duplicate key HOME_BASED (also steps[1])}.
 *
 * <p>Rules: at least two steps; keys unique, upper case ({@code [A-Z][A-Z0-9_]*}) and not the reserved
 * {@value #ORDINARY_LIFE}; the staircase and every step named (Danish and English); every kind of help covered by
 * exactly one step, and the kinds covered rising with the steps (from the least to the most intrusive); every step
 * with its monthly cost (0 or more) and its caseload weight (more than 0).
 */
@Component("staircaseDefinition")
public class Staircase {

  /** The common goal below the first step: an ordinary everyday life. Allowed as a planned next step down. */
  public static final String ORDINARY_LIFE = "ORDINARY_LIFE";

  private static final String PREFIX = "trappen.staircase";
  private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final String name;
  private final List<Step> steps;
  private final Map<String, Step> byKey;
  private final Map<HelpCategory, Step> byCategory;

  public Staircase(StaircaseProperties properties) {
    if (properties.getName() == null || properties.getName().isBlank()) {
      throw new IllegalStateException(PREFIX + ".name: must not be blank; name the staircase, e.g. "
          + "'Den nationale indsatstrappe'");
    }
    List<StaircaseProperties.StepDefinition> defs = properties.getSteps() == null ? List.of() : properties.getSteps();
    if (defs.size() < 2) {
      throw new IllegalStateException(PREFIX + ".steps: a staircase needs at least 2 steps, found " + defs.size());
    }
    List<Step> built = new ArrayList<>();
    Map<String, Integer> indexOfKey = new HashMap<>();
    Map<HelpCategory, Integer> coveredBy = new EnumMap<>(HelpCategory.class);
    HelpCategory highestSoFar = null;
    int highestIndex = -1;
    for (int i = 0; i < defs.size(); i++) {
      StaircaseProperties.StepDefinition d = defs.get(i);
      String at = PREFIX + ".steps[" + i + "]";
      if (d == null) {
        throw new IllegalStateException(at + ": missing step");
      }
      String key = d.getKey();
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(at + ".key: missing; every step needs a key such as HOME_BASED");
      }
      if (!KEY.matcher(key).matches()) {
        throw new IllegalStateException(at + ".key: '" + key + "' must be upper-case letters, digits and underscores, "
            + "starting with a letter ([A-Z][A-Z0-9_]*), e.g. HOME_BASED");
      }
      if (ORDINARY_LIFE.equals(key)) {
        throw new IllegalStateException(at + ".key: " + ORDINARY_LIFE + " is reserved for the common goal below the "
            + "first step (an ordinary everyday life); choose another key");
      }
      Integer earlier = indexOfKey.putIfAbsent(key, i);
      if (earlier != null) {
        throw new IllegalStateException(at + ".key: duplicate key " + key + " (also steps[" + earlier + "])");
      }
      if (d.getName() == null || d.getName().isBlank()) {
        throw new IllegalStateException(at + ".name: must not be blank; give the step's Danish name");
      }
      if (d.getNameEn() == null || d.getNameEn().isBlank()) {
        throw new IllegalStateException(at + ".name-en: must not be blank; give the step's English name");
      }
      List<HelpCategory> covers = d.getCovers() == null ? List.of() : d.getCovers();
      for (int j = 0; j < covers.size(); j++) {
        HelpCategory c = covers.get(j);
        String coverKey = at + ".covers[" + j + "]";
        if (c == null) {
          throw new IllegalStateException(coverKey + ": must be a kind of help, one of "
              + Arrays.toString(HelpCategory.values()));
        }
        Integer other = coveredBy.putIfAbsent(c, i);
        if (other != null) {
          throw new IllegalStateException(coverKey + ": " + c + " is already covered by steps[" + other + "] ("
              + defs.get(other).getKey() + "); every kind of help must be covered by exactly one step");
        }
        if (highestSoFar != null && highestIndex < i && c.ordinal() < highestSoFar.ordinal()) {
          throw new IllegalStateException(coverKey + ": " + c + " is less intrusive than " + highestSoFar
              + ", which the lower steps[" + highestIndex + "] (" + defs.get(highestIndex).getKey() + ") covers; "
              + "the steps must go from the least to the most intrusive help");
        }
      }
      for (HelpCategory c : covers) {
        if (highestSoFar == null || c.ordinal() > highestSoFar.ordinal()) {
          highestSoFar = c;
          highestIndex = i;
        }
      }
      if (d.getMonthlyCost() == null || d.getMonthlyCost() < 0) {
        throw new IllegalStateException(at + ".monthly-cost: " + (d.getMonthlyCost() == null ? "missing" : "'"
            + d.getMonthlyCost() + "' is negative") + " for step " + key + "; give what a month on the step costs per "
            + "child in whole DKK, 0 or more (the spending figures are counted from it)");
      }
      if (d.getCaseloadWeight() == null || !(d.getCaseloadWeight() > 0) || d.getCaseloadWeight().isInfinite()) {
        throw new IllegalStateException(at + ".caseload-weight: " + (d.getCaseloadWeight() == null ? "missing"
            : "'" + d.getCaseloadWeight() + "' is not more than 0") + " for step " + key + "; give how heavy a case "
            + "on the step weighs against 1.0 for an ordinary case, e.g. 1.5");
      }
      built.add(new Step(key, d.getName().trim(), d.getNameEn().trim(), i + 1, covers, d.isPlacement(),
          d.getLegalBasis() == null || d.getLegalBasis().isBlank() ? null : d.getLegalBasis().trim(),
          d.getMonthlyCost(), d.getCaseloadWeight()));
    }
    List<HelpCategory> missing = Arrays.stream(HelpCategory.values()).filter(c -> !coveredBy.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(PREFIX + ".steps: no step covers " + missing.stream().map(Enum::name)
          .collect(Collectors.joining(", ")) + "; every kind of help " + Arrays.toString(HelpCategory.values())
          + " must be covered by exactly one step");
    }
    this.name = properties.getName().trim();
    this.steps = Collections.unmodifiableList(built);
    this.byKey = built.stream().collect(Collectors.toUnmodifiableMap(Step::key, s -> s));
    Map<HelpCategory, Step> categories = new EnumMap<>(HelpCategory.class);
    coveredBy.forEach((c, i) -> categories.put(c, built.get(i)));
    this.byCategory = Collections.unmodifiableMap(categories);
  }

  /** The staircase's name. */
  public String name() {
    return name;
  }

  /** The steps from the least to the most intrusive. */
  public List<Step> steps() {
    return steps;
  }

  public Optional<Step> step(String key) {
    return Optional.ofNullable(key == null ? null : byKey.get(key));
  }

  /** The step at a 1-based position, if there is one. */
  public Optional<Step> at(int position) {
    return position >= 1 && position <= steps.size() ? Optional.of(steps.get(position - 1)) : Optional.empty();
  }

  /** The step that covers a kind of help (always exists: validated at startup). */
  public Step stepFor(HelpCategory category) {
    return byCategory.get(category);
  }

  /** The keys of all steps, in order, for messages. */
  public String keys() {
    return steps.stream().map(Step::key).collect(Collectors.joining(", "));
  }
}
