package dk.trappen.common;

import jakarta.validation.ConstraintViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing wrong with the input: the field it is about (a dotted path such as {@code goals[0].title}, or a header
 * name), a code that is a key of the message bundles ({@code problem.staircase.unknownStep}) and the arguments the
 * sentence needs. The API renders it in the request's language (English by default), the pages in the user's:
 * {@code messages.getMessage(problem.onPage(), locale)}. Nobody reads the rendered text back.
 *
 * <p>Arguments are kept as text, so that a number reads the same in every language (4000, not 4.000 or 4,000).
 */
public record Problem(String field, String code, List<String> arguments) implements MessageSourceResolvable {

  private static final java.util.Set<String> NOT_ARGUMENTS = java.util.Set.of("message", "groups", "payload",
      "regexp", "flags", "inclusive");

  public Problem {
    arguments = List.copyOf(arguments);
  }

  /** The problem {@code code} with {@code field}, with the values its sentence needs. */
  public static Problem of(String field, String code, Object... arguments) {
    return new Problem(field, code, Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /**
   * The problem a Bean Validation constraint found: the field is the property path as the JSON names it
   * ({@code goals[0]} for a list element), the code the constraint's message template without its braces
   * ({@code "{problem.tooLong}"}), and the arguments the constraint's attributes in the order of their names
   * ({@code max}, {@code min}, {@code value}).
   */
  public static Problem of(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString().replace(".<list element>", "")
        .replace("<list element>", "");
    return of(path.isEmpty() ? "body" : path, violation);
  }

  /** As {@link #of(ConstraintViolation)}, at {@code field}. */
  public static Problem of(String field, ConstraintViolation<?> violation) {
    String template = violation.getMessageTemplate();
    String code = template.startsWith("{") && template.endsWith("}")
        ? template.substring(1, template.length() - 1) : template;
    Map<String, Object> attributes = new TreeMap<>(violation.getConstraintDescriptor().getAttributes());
    NOT_ARGUMENTS.forEach(attributes::remove);
    return new Problem(field, code, attributes.values().stream().map(String::valueOf).toList());
  }

  /**
   * The problem as the pages say it: {@code page.<code>} where the pages word it for a person at a form ("Required."
   * rather than the API's "must give the grounds of the assessment"), else as the API says it. In Danish the two are
   * the same sentence.
   */
  public MessageSourceResolvable onPage() {
    return new DefaultMessageSourceResolvable(new String[] {"page." + code, code}, getArguments(), code);
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return arguments.toArray();
  }

  @Override
  public String getDefaultMessage() {
    // a code missing from the bundles shows as itself rather than failing the page (ProblemCodesTest finds it first)
    return code;
  }
}
