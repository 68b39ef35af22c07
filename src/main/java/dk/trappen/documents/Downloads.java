package dk.trappen.documents;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document as a download, for the API and the case page: its stored (detected) media type, never one the client
 * named; {@code Content-Disposition: attachment} with a safe file name (an ASCII fallback with anything but letters,
 * digits, dot, dash and underscore replaced, and the name in UTF-8); {@code X-Content-Type-Options: nosniff}, so that
 * no browser guesses another type; and no caching by shared caches.
 */
public final class Downloads {

  private Downloads() {
  }

  /** The answer that downloads the document. */
  public static ResponseEntity<byte[]> attachment(DocumentFile file) {
    DocumentView d = file.document();
    String name = d.fileName();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.mediaType()))
        .contentLength(file.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
            + rfc5987(name))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        // RFC 9530: the checksum of the content, as the list gives it in hex
        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256()))
            + ":")
        .body(file.content());
  }

  /** The name in UTF-8, percent-encoded but for RFC 5987's attr-chars. */
  static String rfc5987(String name) {
    StringBuilder sb = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xff);
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || "!#$&+-.^_`|~".indexOf(ch) >= 0) {
        sb.append(ch);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  /** The name in ASCII letters, digits, dot, dash and underscore; anything else an underscore. */
  static String ascii(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (char ch : name.toCharArray()) {
      sb.append((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
          || ch == '-' || ch == '_' ? ch : '_');
    }
    return sb.toString();
  }
}
