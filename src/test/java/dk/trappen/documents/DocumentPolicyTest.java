package dk.trappen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.api.TestFiles;
import dk.trappen.common.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The rules of a document without a Spring context: type detection, the zip limits, file names. */
@DisplayName("The rules of a document")
class DocumentPolicyTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-02T08:00:00Z"), ZoneId.of("Europe/Copenhagen"));

  private final DocumentsProperties properties = new DocumentsProperties();
  private final DocumentPolicy policy = new DocumentPolicy(CLOCK, properties);

  private List<Problem> problems(String fileName, byte[] content) {
    return policy.problems(new NewDocument("Titel", "REPORT", "2027-03-01", fileName), content);
  }

  private static List<String> codes(List<Problem> problems) {
    return problems.stream().map(Problem::code).toList();
  }

  @Test
  @DisplayName("detects PDF, PNG, JPEG, Word and e-mail from the content and stores each as its type")
  void detectsAllowedTypes() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0,
        0, 0, 1, 8, 2, 0, 0, 0};
    byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
        0, 1, 0, 0};
    byte[] eml = "From: skolen@example.dk\r\nTo: raadgiver@example.dk\r\nSubject: Bo\r\n\r\nHej.\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    byte[] subjectFirst = "Subject: Bo\r\nFrom: a@b.dk\r\n\r\nHej.\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(policy.check(doc("a.pdf"), TestFiles.pdf("x", 0), false).mediaType()).isEqualTo("application/pdf");
    assertThat(policy.check(doc("a.png"), png, false).mediaType()).isEqualTo("image/png");
    assertThat(policy.check(doc("a.JPG"), jpeg, false).mediaType()).isEqualTo("image/jpeg");
    assertThat(policy.check(doc("a.docx"), TestFiles.docx(), false).mediaType()).isEqualTo(ContentTypes.DOCX);
    assertThat(policy.check(doc("a.eml"), eml, false).mediaType()).isEqualTo("message/rfc822");
    assertThat(policy.check(doc("b.eml"), subjectFirst, false).mediaType()).isEqualTo("message/rfc822");
  }

  private static NewDocument doc(String fileName) {
    return new NewDocument("Titel", "REPORT", "2027-03-01", fileName);
  }

  @Test
  @DisplayName("refuses content whose type disagrees with the name: an executable, an image named .pdf, a plain zip "
      + "named .docx, a PDF named .eml")
  void refusesMismatches() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("hej".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assertThat(codes(problems("a.pdf", TestFiles.elf()))).containsExactly("problem.documents.file.typeMismatch");
    assertThat(codes(problems("a.pdf", png))).containsExactly("problem.documents.file.typeMismatch");
    assertThat(codes(problems("a.docx", zip.toByteArray()))).containsExactly("problem.documents.file.typeMismatch");
    assertThat(codes(problems("a.eml", TestFiles.pdf("x", 0)))).containsExactly("problem.documents.file.typeMismatch");
    assertThat(codes(problems("a.exe", TestFiles.windowsExecutable())))
        .containsExactly("problem.documents.fileName.extension", "problem.documents.file.typeNotAllowed");
  }

  @Test
  @DisplayName("stops reading a zip at the entry limit, the inflated size limit and the ratio limit")
  void zipLimits() throws Exception {
    properties.getZip().setMaxEntries(3);
    ByteArrayOutputStream many = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(many)) {
      for (int i = 0; i < 10; i++) {
        out.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
        out.write(("<p>" + i + "</p>").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    assertThat(codes(problems("a.docx", many.toByteArray()))).containsExactly("problem.documents.file.zip.entries");

    properties.getZip().setMaxEntries(1000);
    properties.getZip().setMaxRatio(1_000_000);
    properties.getZip().setMaxUncompressed(DataSize.ofMegabytes(5));
    ZipCheck.Result size = ZipCheck.scan(TestFiles.zipBomb(8), properties.getZip());
    assertThat(size.problem()).map(Problem::code).contains("problem.documents.file.zip.size");
    assertThat(size.problem().get().arguments()).containsExactly("5 MB");

    properties.getZip().setMaxRatio(100);
    properties.getZip().setMaxUncompressed(DataSize.ofMegabytes(100));
    assertThat(ZipCheck.scan(TestFiles.zipBomb(8), properties.getZip()).problem()).map(Problem::code)
        .contains("problem.documents.file.zip.ratio");
    assertThat(ZipCheck.scan("PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1), properties.getZip())
        .problem()).map(Problem::code).contains("problem.documents.file.zip.unreadable");
    assertThat(ZipCheck.scan(TestFiles.docx(), properties.getZip()).problem()).isEmpty();
  }

  @Test
  @DisplayName("refuses file names with path, control or direction characters, too long or without an allowed "
      + "extension")
  void fileNames() {
    byte[] pdf = TestFiles.pdf("x", 0);
    assertThat(codes(problems("..pdf", pdf))).contains("problem.documents.fileName.path");
    assertThat(codes(problems("a/b.pdf", pdf))).contains("problem.documents.fileName.path");
    assertThat(codes(problems("a\\b.pdf", pdf))).contains("problem.documents.fileName.path");
    assertThat(codes(problems("a\u0000.pdf", pdf))).contains("problem.documents.fileName.control");
    assertThat(codes(problems("a\u007f.pdf", pdf))).contains("problem.documents.fileName.control");
    assertThat(codes(problems("a\u202Efdp.pdf", pdf))).contains("problem.documents.fileName.control");
    assertThat(codes(problems("a".repeat(201) + ".pdf", pdf))).contains("problem.documents.fileName.tooLong");
    assertThat(codes(problems("rapport", pdf))).contains("problem.documents.fileName.extension");
    assertThat(codes(problems(" ", pdf))).contains("problem.documents.fileName.required");
    assertThat(problems("Rapport æøå (2).pdf", pdf)).isEmpty();
  }

  @Test
  @DisplayName("a generated letter may be of kind LETTER; an upload may not")
  void generatedKinds() {
    NewDocument letter = new NewDocument("Brev", "LETTER", "2027-03-02", "brev.pdf");
    assertThat(codes(policy.check(letter, TestFiles.pdf("x", 0), false).problems()))
        .containsExactly("problem.documents.kind.generatedOnly");
    assertThat(policy.check(letter, TestFiles.pdf("x", 0), true).problems()).isEmpty();
  }

  @Test
  @DisplayName("the download's file name is ASCII in the quoted form and whole in UTF-8")
  void downloadNames() {
    assertThat(Downloads.ascii("Rapport æø \"x\".pdf")).isEqualTo("Rapport_____x_.pdf");
    assertThat(Downloads.rfc5987("æ b.pdf")).isEqualTo("%C3%A6%20b.pdf");
  }
}
