package dk.trappen.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a letter: its Thymeleaf template ({@code templates/letters/<kind>.html}, XHTML-clean) with the
 * application's template engine into XHTML, then with openhtmltopdf (on Apache PDFBox) into PDF/A-2b: DejaVu Sans
 * embedded (PDF/A allows no font that is not embedded; it covers æ, ø and å), the sRGB profile of
 * {@code color/sRGB.icc} as the output intent, and XMP metadata declaring the conformance with the letter's title.
 */
@Component
class LetterRenderer {

  static final String FONT = "DejaVu Sans";

  private final ITemplateEngine templates;
  private final byte[] regular;
  private final byte[] bold;
  private final byte[] colorProfile;

  LetterRenderer(ITemplateEngine templates) {
    this.templates = templates;
    this.regular = resource("fonts/DejaVuSans.ttf");
    this.bold = resource("fonts/DejaVuSans-Bold.ttf");
    this.colorProfile = resource("color/sRGB.icc");
  }

  /** The letter's XHTML, as the PDF shows it. */
  String html(LetterKind kind, Map<String, Object> model) {
    Context context = new Context(Locale.forLanguageTag("da"), model);
    return templates.process(kind.template(), context);
  }

  /** The letter as PDF/A-2b. */
  byte[] pdf(LetterKind kind, Map<String, Object> model) {
    return pdf(html(kind, model));
  }

  byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
      builder.useColorProfile(colorProfile);
      builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the letter could not be rendered as PDF", e);
    }
    return out.toByteArray();
  }

  private static byte[] resource(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("missing resource " + path, e);
    }
  }
}
