package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What can be checked of PDF/A-2b with PDFBox alone (veraPDF's validation-model 1.26.2 is served, but not the validation profiles it loads, so it cannot validate here; docs/design.md#letters):
 * the XMP metadata declares PDF/A part 2, conformance B; there is an output intent with an embedded ICC profile
 * (sRGB); every font on every page is embedded; and the document is not encrypted.
 */
final class PdfAConformance {

  private static final Pattern PART = Pattern.compile("pdfaid:part(?:>|=\")\\s*2");
  private static final Pattern CONFORMANCE = Pattern.compile("pdfaid:conformance(?:>|=\")\\s*B");

  private PdfAConformance() {
  }

  static void check(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.isEncrypted()).as("PDF/A forbids encryption").isFalse();
      PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
      assertThat(metadata).as("XMP metadata").isNotNull();
      String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
      assertThat(PART.matcher(xmp).find()).as("XMP declares PDF/A part 2: " + xmp).isTrue();
      assertThat(CONFORMANCE.matcher(xmp).find()).as("XMP declares conformance B: " + xmp).isTrue();
      assertThat(doc.getDocumentCatalog().getOutputIntents()).as("an output intent").isNotEmpty();
      PDOutputIntent intent = doc.getDocumentCatalog().getOutputIntents().get(0);
      assertThat(intent.getDestOutputIntent()).as("the output intent's ICC profile").isNotNull();
      assertThat(intent.getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
      int fonts = 0;
      for (PDPage page : doc.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertThat(font.isEmbedded()).as("font " + font.getName() + " is embedded").isTrue();
          fonts++;
        }
      }
      assertThat(fonts).as("fonts on the pages").isPositive();
    }
  }
}
