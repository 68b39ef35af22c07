package dk.trappen.parties;

import java.util.Arrays;
import java.util.Optional;

/** How a consent or its withdrawal is documented; the pages name each through {@code consent.documentation.<NAME>}. */
public enum ConsentDocumentation {
  WRITTEN, ORAL_NOTED, DIGITAL;

  /** The way named exactly {@code name}, if there is one. */
  public static Optional<ConsentDocumentation> named(String name) {
    return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
  }
}
