package dk.trappen.parties;

import java.util.Arrays;
import java.util.Optional;

/** A party's role on the case; the pages name each through {@code party.role.<NAME>}. */
public enum PartyRole {
  MOTHER, FATHER, CUSTODY_HOLDER, SIBLING, RELATIVE, NETWORK, PROFESSIONAL, NOTIFIER;

  /** The role named exactly {@code name}, if there is one. */
  public static Optional<PartyRole> named(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }
}
