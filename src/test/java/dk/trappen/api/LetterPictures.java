package dk.trappen.api;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the first page of a letter to PNG with PDFBox, as the README shows each kind: into
 * {@code src/docs/letter-<kind>.png} when the tests run with {@code -Dtrappen.docs.pictures=true}, else into
 * {@code target/letter-pictures/} (so that every run proves the letter renders, without changing the sources).
 */
final class LetterPictures {

  private LetterPictures() {
  }

  static Path write(String kind, byte[] pdf) throws Exception {
    Path folder = Boolean.getBoolean("trappen.docs.pictures") ? Path.of("src", "docs")
        : Path.of("target", "letter-pictures");
    Files.createDirectories(folder);
    Path png = folder.resolve("letter-" + kind + ".png");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 90, ImageType.RGB);
      ImageIO.write(image, "png", png.toFile());
    }
    return png;
  }
}
