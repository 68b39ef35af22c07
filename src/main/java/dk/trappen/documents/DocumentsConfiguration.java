package dk.trappen.documents;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Binds {@link DocumentsProperties} and checks at start-up that Spring's multipart limits
 * ({@code spring.servlet.multipart.max-file-size} and {@code max-request-size}) let a document of
 * {@code trappen.documents.max-size} through: otherwise an allowed document would be cut off before Trappen's own check
 * could name the problem.
 */
@Configuration
@EnableConfigurationProperties(DocumentsProperties.class)
class DocumentsConfiguration {

  DocumentsConfiguration(DocumentsProperties properties, ObjectProvider<MultipartProperties> multipart) {
    MultipartProperties m = multipart.getIfAvailable();
    if (m == null) {
      return;
    }
    long max = properties.getMaxSize().toBytes();
    check("spring.servlet.multipart.max-file-size", m.getMaxFileSize(), max);
    check("spring.servlet.multipart.max-request-size", m.getMaxRequestSize(), max);
  }

  private static void check(String key, DataSize limit, long maxSize) {
    if (limit != null && limit.toBytes() >= 0 && limit.toBytes() < maxSize) {
      throw new IllegalStateException(key + " (" + limit + ") must be at least trappen.documents.max-size ("
          + maxSize + "B), or documents the rules allow would be refused before they are checked");
    }
  }
}
