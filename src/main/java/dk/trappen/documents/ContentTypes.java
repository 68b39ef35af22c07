package dk.trappen.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The allowed document types, and what a file's content is, detected by Apache Tika's magic bytes (tika-core, no
 * parsers) from the content alone: the name is never given to the detector, so that a {@code .pdf} that is an
 * executable is detected as one. Each allowed extension names the types its content may be detected as and the media
 * type it is stored and served with.
 */
final class ContentTypes {

  /** An allowed kind of file: its extensions, the types its content may be detected as, the type it is served as. */
  record Allowed(Set<String> detected, String mediaType) {
  }

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** By extension (lower case). A .docx is a zip container (checked by {@link ZipCheck}); a .doc an OLE2 file. */
  static final Map<String, Allowed> BY_EXTENSION = extensions();

  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
  private static final Pattern HEADER_LINE = Pattern.compile("^[A-Za-z0-9-]{1,76}:[ \\t].*", Pattern.DOTALL);

  private ContentTypes() {
  }

  private static Map<String, Allowed> extensions() {
    Map<String, Allowed> m = new LinkedHashMap<>();
    m.put("pdf", new Allowed(Set.of("application/pdf"), "application/pdf"));
    m.put("png", new Allowed(Set.of("image/png"), "image/png"));
    Allowed jpeg = new Allowed(Set.of("image/jpeg"), "image/jpeg");
    m.put("jpg", jpeg);
    m.put("jpeg", jpeg);
    m.put("docx", new Allowed(Set.of("application/zip", "application/x-tika-ooxml", DOCX), DOCX));
    m.put("doc", new Allowed(Set.of("application/x-tika-msoffice", "application/msword"), "application/msword"));
    m.put("eml", new Allowed(Set.of("message/rfc822"), "message/rfc822"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The allowed extensions, for the problem that names them: {@code pdf, png, jpg, jpeg, docx, doc, eml}. */
  static String extensionList() {
    return String.join(", ", BY_EXTENSION.keySet());
  }

  /** The extension of a file name, lower case, without the dot; empty if it has none. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The content's type as Tika's magic detection sees it, without parameters ({@code application/x-executable}). */
  static String detect(byte[] content) {
    try {
      MediaType type = TIKA.detect(new ByteArrayInputStream(content), new Metadata()).getBaseType();
      String name = type.toString();
      // an e-mail is text: Tika knows it by its first header lines, but not every mail starts with one it knows
      if ("text/plain".equals(name) && looksLikeMail(content)) {
        return "message/rfc822";
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the detected type is a zip container (a zip, or a type Tika knows as one: .docx, .jar, ...). */
  static boolean zip(String detected) {
    MediaTypeRegistry registry = TIKA.getMediaTypeRegistry();
    MediaType type = MediaType.parse(detected);
    return type != null && (type.equals(MediaType.APPLICATION_ZIP)
        || registry.isSpecializationOf(type, MediaType.APPLICATION_ZIP));
  }

  /** Whether the text starts with an RFC 5322 header field ({@code Subject: ...}). */
  private static boolean looksLikeMail(byte[] content) {
    String start = new String(content, 0, Math.min(content.length, 1000), StandardCharsets.ISO_8859_1);
    return HEADER_LINE.matcher(start).matches();
  }
}
