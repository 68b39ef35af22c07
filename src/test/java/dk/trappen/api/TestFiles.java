package dk.trappen.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files for the document tests, generated here: a tiny valid PDF, executables' headers, a zip bomb. */
public final class TestFiles {

  private TestFiles() {
  }

  /** A valid one-page PDF 1.4 with a correct cross-reference table; {@code padding} bytes of comment make it larger. */
  public static byte[] pdf(String text, int padding) {
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream("BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
    if (padding > 0) {
      pdf.append('%').append("x".repeat(padding)).append('\n');
    }
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    // ISO-8859-1: one byte per character, so that the offsets counted in characters are offsets in bytes
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String stream(String content) {
    return "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
  }

  /** The first bytes of a 64-bit Linux executable (ELF, e_type 2), padded to 256 bytes. */
  public static byte[] elf() {
    byte[] b = new byte[256];
    byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    System.arraycopy(head, 0, b, 0, head.length);
    b[16] = 2;
    b[18] = 0x3e;
    return b;
  }

  /** The first bytes of a Windows executable (MZ, with a PE header at 0x80), padded to 512 bytes. */
  public static byte[] windowsExecutable() {
    byte[] b = new byte[512];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  /**
   * A zip named like a Word document: a [Content_Types].xml and a word/document.xml of {@code megabytes} MB of
   * zeros, which deflates a thousandfold (a zip bomb in small).
   */
  public static byte[] zipBomb(int megabytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < megabytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** A small, well-formed Word document's container: what a .docx holds at the least. */
  public static byte[] docx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
          + "openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\""
          + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>");
      entry(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats."
          + "org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Udtalelse</w:t></w:r></w:p></w:body>"
          + "</w:document>");
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
