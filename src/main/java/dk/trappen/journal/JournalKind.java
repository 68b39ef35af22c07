package dk.trappen.journal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a journal entry records; the pages name each kind through {@code journal.kind.<NAME>}. */
public enum JournalKind {
  PHONE_CALL, HOME_VISIT, CHILD_CONVERSATION, MEETING, EMAIL, NOTE;

  /** The kind named exactly {@code name}, if there is one. */
  public static Optional<JournalKind> named(String name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
  }

  /** How the audit names a write of this kind: {@code journal: phone call}. */
  public String auditName() {
    return "journal: " + (this == EMAIL ? "e-mail" : name().toLowerCase(Locale.ROOT).replace('_', ' '));
  }

  /** How the audit names a write of the kind named {@code name}, or of an entry when the name is no kind. */
  public static String auditName(String name) {
    return named(name).map(JournalKind::auditName).orElse("journal: entry");
  }
}
