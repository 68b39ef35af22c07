package dk.trappen.documents;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules of a document, every problem at once, for the API and the case page alike. The description: a title (at
 * most {@value #MAX_TITLE} characters, no control characters), a kind a person may upload, a date that is a date and
 * not in the future (by the application clock, in the municipality's zone). The file (every problem under the field
 * {@code file}): there, not empty, at most {@code trappen.documents.max-size}; a name without path characters
 * ({@code /}, {@code \}, {@code ..}), control or direction characters, at most {@value #MAX_FILE_NAME} characters,
 * ending in an allowed extension; content whose type, detected by Tika from the bytes, is allowed and agrees with the
 * extension; a zip container ({@code .docx}) within the limits of {@link ZipCheck} and holding a Word document.
 */
@Component
public class DocumentPolicy {

  public static final int MAX_TITLE = 200;
  public static final int MAX_FILE_NAME = 200;
  public static final int MAX_REASON = 2000;

  /** The problems found, and the media type the document is stored and served as when there are none. */
  record Checked(List<Problem> problems, String mediaType) {
  }

  private final Clock clock;
  private final DocumentsProperties properties;

  DocumentPolicy(Clock clock, DocumentsProperties properties) {
    this.clock = clock;
    this.properties = properties;
  }

  /** The largest document, as the page's hint and the problem say it ({@code 20 MB}). */
  public String maxSize() {
    return readable(properties.getMaxSize().toBytes());
  }

  /** Every problem of an upload: its description and its file; empty when it may be stored. */
  public List<Problem> problems(NewDocument in, byte[] content) {
    return check(in, content, false).problems();
  }

  /** Every problem of a reason for filing a document in error. */
  public List<Problem> problems(FiledInError marking) {
    List<Problem> problems = new ArrayList<>();
    text("reason", marking == null ? null : marking.reason(), MAX_REASON, "problem.documents.reason.required",
        problems);
    return problems;
  }

  Checked check(NewDocument in, byte[] content, boolean generated) {
    List<Problem> problems = new ArrayList<>();
    text("title", in.title(), MAX_TITLE, "problem.documents.title.required", problems);
    kind(in.kind(), generated, problems);
    date(in.date(), problems);
    String mediaType = file(in.fileName(), content, problems);
    return new Checked(problems, mediaType);
  }

  private void kind(String kind, boolean generated, List<Problem> problems) {
    if (kind == null || kind.isBlank()) {
      problems.add(Problem.of("kind", "problem.documents.kind.required"));
      return;
    }
    Optional<DocumentKind> named = DocumentKind.named(kind.strip());
    if (named.isEmpty()) {
      problems.add(Problem.of("kind", "problem.documents.kind.unknown", kind, DocumentKind.forUpload()));
    } else if (!generated && !named.get().uploadable()) {
      problems.add(Problem.of("kind", "problem.documents.kind.generatedOnly", kind, DocumentKind.forUpload()));
    }
  }

  private void date(String date, List<Problem> problems) {
    if (date == null || date.isBlank()) {
      problems.add(Problem.of("date", "problem.documents.date.required"));
      return;
    }
    try {
      LocalDate d = LocalDate.parse(date.strip());
      if (d.isAfter(LocalDate.ofInstant(clock.instant(), clock.getZone()))) {
        problems.add(Problem.of("date", "problem.notFuture"));
      }
    } catch (DateTimeParseException e) {
      problems.add(Problem.of("date", "problem.json.notADate", date, "LocalDate"));
    }
  }

  /** The file's problems under {@code file}; the media type to store it as, or null when there are problems. */
  private String file(String fileName, byte[] content, List<Problem> problems) {
    if (content == null) {
      problems.add(Problem.of("file", "problem.documents.file.required"));
      return null;
    }
    int before = problems.size();
    String extension = fileName(fileName, problems);
    if (content.length == 0) {
      problems.add(Problem.of("file", "problem.documents.file.empty"));
      return null;
    }
    if (content.length > properties.getMaxSize().toBytes()) {
      problems.add(Problem.of("file", "problem.documents.file.tooLarge", maxSize()));
      return null;
    }
    String detected = ContentTypes.detect(content);
    ContentTypes.Allowed allowed = extension == null ? null : ContentTypes.BY_EXTENSION.get(extension);
    boolean allowedAtAll = ContentTypes.BY_EXTENSION.values().stream().anyMatch(a -> a.detected().contains(detected));
    if (allowed != null && !allowed.detected().contains(detected)) {
      problems.add(Problem.of("file", "problem.documents.file.typeMismatch", "." + extension, detected));
      return null;
    }
    if (!allowedAtAll) {
      problems.add(Problem.of("file", "problem.documents.file.typeNotAllowed", detected));
      return null;
    }
    if (ContentTypes.zip(detected)) {
      ZipCheck.Result zip = ZipCheck.scan(content, properties.getZip());
      if (zip.problem().isPresent()) {
        problems.add(zip.problem().get());
        return null;
      }
      if (allowed != null && ContentTypes.DOCX.equals(allowed.mediaType()) && !zip.wordDocument()) {
        problems.add(Problem.of("file", "problem.documents.file.typeMismatch", "." + extension, detected));
        return null;
      }
    }
    return problems.size() == before && allowed != null ? allowed.mediaType() : null;
  }

  /** The name's problems; its extension (lower case) when it is one of the allowed, else null. */
  private static String fileName(String name, List<Problem> problems) {
    if (name == null || name.isBlank()) {
      problems.add(Problem.of("file", "problem.documents.fileName.required"));
      return null;
    }
    boolean ok = true;
    if (name.length() > MAX_FILE_NAME) {
      problems.add(Problem.of("file", "problem.documents.fileName.tooLong", MAX_FILE_NAME));
      ok = false;
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.contains("..")) {
      problems.add(Problem.of("file", "problem.documents.fileName.path"));
      ok = false;
    }
    if (controlCharacters(name)) {
      problems.add(Problem.of("file", "problem.documents.fileName.control"));
      ok = false;
    }
    String extension = ContentTypes.extension(name.strip());
    if (!ContentTypes.BY_EXTENSION.containsKey(extension)) {
      problems.add(Problem.of("file", "problem.documents.fileName.extension", ContentTypes.extensionList()));
      return null;
    }
    return ok ? extension : null;
  }

  /** Any control character (C0, DEL, C1), and the direction controls that can show {@code exe.pdf} reversed. */
  static boolean controlCharacters(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return ControlCharacters.bidiPresent(name);
  }

  private static void text(String field, String value, int max, String required, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(Problem.of(field, required));
      return;
    }
    if (value.strip().length() > max) {
      problems.add(Problem.of(field, "problem.tooLong", max));
    }
    if (ControlCharacters.present(value)) {
      problems.add(Problem.of(field, ControlCharacters.PROBLEM));
    }
  }

  /** A size as people read it: {@code 20 MB}, {@code 64 KB}, {@code 1000 bytes}. */
  static String readable(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
