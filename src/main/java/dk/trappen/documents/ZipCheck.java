package dk.trappen.documents;

import dk.trappen.common.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip container (a .docx) read before it is stored, as a stream with {@link ZipInputStream}: the entries are
 * counted and inflated into one small buffer that is thrown away, and the reading stops as soon as a limit is passed,
 * so that a zip bomb is never inflated into memory or onto disk. The limits: the number of entries, the total inflated
 * size, and the ratio of the inflated size to the container's (checked once more than {@value #RATIO_FLOOR} bytes are
 * inflated, so that a small, well-compressed document is not refused).
 */
final class ZipCheck {

  /** Below this many inflated bytes the ratio is not checked: nothing that small can harm. */
  static final long RATIO_FLOOR = 1024 * 1024;

  /** What the scan found: the problem, if any, and whether a Word document's main part is there. */
  record Result(Optional<Problem> problem, boolean wordDocument) {
  }

  private ZipCheck() {
  }

  static Result scan(byte[] zip, DocumentsProperties.Zip limits) {
    long maxTotal = limits.getMaxUncompressed().toBytes();
    long maxByRatio = (long) limits.getMaxRatio() * zip.length;
    int entries = 0;
    long total = 0;
    boolean word = false;
    byte[] buffer = new byte[16 * 1024];
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries++;
        if (entries > limits.getMaxEntries()) {
          return refused("problem.documents.file.zip.entries", limits.getMaxEntries());
        }
        word |= "word/document.xml".equals(entry.getName());
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > maxTotal) {
            return refused("problem.documents.file.zip.size", DocumentPolicy.readable(maxTotal));
          }
          if (total > RATIO_FLOOR && total > maxByRatio) {
            return refused("problem.documents.file.zip.ratio", limits.getMaxRatio());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a ZipException, a truncated stream, an entry name that is not valid UTF-8 (IllegalArgumentException)
      return refused("problem.documents.file.zip.unreadable");
    }
    if (entries == 0) {
      return refused("problem.documents.file.zip.unreadable");
    }
    return new Result(Optional.empty(), word);
  }

  private static Result refused(String code, Object... arguments) {
    return new Result(Optional.of(Problem.of("file", code, arguments)), false);
  }
}
