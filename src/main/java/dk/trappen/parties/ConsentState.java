package dk.trappen.parties;

import java.util.Arrays;
import java.util.Optional;

/** Whether a consent record gives or withdraws consent; the pages name each through {@code consent.state.<NAME>}. */
public enum ConsentState {
  GIVEN, WITHDRAWN;

  /** The state named exactly {@code name}, if there is one. */
  public static Optional<ConsentState> named(String name) {
    return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
  }
}
