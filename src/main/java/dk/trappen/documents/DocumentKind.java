package dk.trappen.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a document is; the pages name each kind through {@code documents.kind.<NAME>}. {@link #LETTER} and
 * {@link #PLAN} are the letters and plans Trappen itself generates and sends ({@link DocumentService#storeGenerated});
 * an upload is one of the others.
 */
public enum DocumentKind {
  REPORT, STATEMENT, EMAIL, LETTER, PLAN, OTHER;

  /** The kinds a person uploads: every kind but Trappen's own letters and plans. */
  public static List<DocumentKind> forUpload() {
    return Arrays.stream(values()).filter(DocumentKind::uploadable).toList();
  }

  /** Whether a person may upload a document of this kind (not one Trappen generates). */
  public boolean uploadable() {
    return this != LETTER && this != PLAN;
  }

  /** The kind named exactly {@code name}, if there is one. */
  public static Optional<DocumentKind> named(String name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
  }
}
