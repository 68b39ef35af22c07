package dk.trappen.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Input that cannot be accepted, with every {@link Problem} found at once (HTTP 400, or 409 for a conflict with the
 * state of things, as problem details). Thrown before anything is written, or inside the transaction so that nothing
 * is. The problems are codes; whoever shows them renders them in the reader's language.
 */
public class InvalidInputException extends RuntimeException {

  private static final MessageSource BUNDLES = bundles();

  private final List<Problem> problems;
  private final boolean conflict;

  public InvalidInputException(Collection<Problem> problems, boolean conflict) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid input has at least one problem");
    }
    this.problems = List.copyOf(problems);
    this.conflict = conflict;
  }

  /** The input is refused: {@code code} with {@code field}. */
  public static InvalidInputException of(String field, String code, Object... arguments) {
    return new InvalidInputException(List.of(Problem.of(field, code, arguments)), false);
  }

  /** The input is refused for all of {@code problems}. */
  public static InvalidInputException of(Collection<Problem> problems) {
    return new InvalidInputException(problems, false);
  }

  /** The input conflicts with the state of things (409): {@code code} with {@code field}. */
  public static InvalidInputException conflict(String field, String code, Object... arguments) {
    return new InvalidInputException(List.of(Problem.of(field, code, arguments)), true);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Whether a problem is about {@code field}. */
  public boolean concerns(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  public boolean conflict() {
    return conflict;
  }

  /**
   * Field -> problem as the API says it in English (two problems of a field joined by "; "), read from the bundles
   * alone: for logs and for tests without a Spring context.
   */
  public Map<String, String> fieldErrors() {
    return render(problems, BUNDLES, Locale.ENGLISH);
  }

  /** Field -> problem in {@code locale}; two problems of one field are joined by "; ". */
  public static Map<String, String> render(Collection<Problem> problems, MessageSource messages, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Problem p : problems) {
      errors.merge(p.field(), messages.getMessage(p, locale), (a, b) -> a + "; " + b);
    }
    return errors;
  }

  private static String describe(Collection<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    render(problems, BUNDLES, Locale.ENGLISH)
        .forEach((f, p) -> sb.append(sb.isEmpty() ? "" : "; ").append(f).append(": ").append(p));
    return sb.toString();
  }

  private static MessageSource bundles() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
