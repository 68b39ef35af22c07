package dk.trappen.documents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of a document ({@code trappen.documents.*}), checked at start-up: a value that is missing, not a size or
 * not more than zero stops the application, naming the key. Spring's multipart limits must let a document of
 * {@code max-size} through ({@link DocumentsConfiguration} checks them too).
 */
@ConfigurationProperties("trappen.documents")
@Validated
@Getter
@Setter
public class DocumentsProperties implements Validator {

  /** The largest document, in bytes (20MB: a scanned report of some pages). */
  @NotNull
  private DataSize maxSize = DataSize.ofMegabytes(20);

  /** The limits of a zip container (a .docx), read as a stream and refused as soon as one is passed. */
  @Valid
  @NotNull
  private Zip zip = new Zip();

  @Getter
  @Setter
  public static class Zip {
    /** The most entries. */
    private int maxEntries = 1000;
    /** The most bytes all entries inflate to together. */
    @NotNull
    private DataSize maxUncompressed = DataSize.ofMegabytes(100);
    /** The highest ratio of the inflated size to the container's size (checked once it inflates past 1MB). */
    private int maxRatio = 100;
  }

  @Override
  public boolean supports(Class<?> type) {
    return DocumentsProperties.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    DocumentsProperties p = (DocumentsProperties) target;
    if (p.maxSize != null && p.maxSize.toBytes() <= 0) {
      errors.rejectValue("maxSize", "positive", "must be more than 0 bytes, e.g. 20MB");
    }
    if (p.maxSize != null && p.maxSize.toBytes() > Integer.MAX_VALUE - 8) {
      errors.rejectValue("maxSize", "tooLarge", "must be less than 2GB (a document is held in memory)");
    }
    if (p.zip == null) {
      return;
    }
    if (p.zip.maxEntries <= 0) {
      errors.rejectValue("zip.maxEntries", "positive", "must be more than 0");
    }
    if (p.zip.maxUncompressed != null && p.zip.maxUncompressed.toBytes() <= 0) {
      errors.rejectValue("zip.maxUncompressed", "positive", "must be more than 0 bytes");
    }
    if (p.zip.maxRatio <= 1) {
      errors.rejectValue("zip.maxRatio", "positive", "must be more than 1");
    }
  }
}
