package dk.trappen.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the API. Every rejection lists its {@link Problem}s in {@code problems} (field, code,
 * arguments and the rendered message) and names the fields and what is wrong with each in {@code errors}
 * (field -> message); the detail repeats it in one sentence. Messages are in the request's {@code Accept-Language}:
 * Danish when it asks for Danish before English, English otherwise.
 */
@RestControllerAdvice(basePackages = "dk.trappen")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final URI INVALID = URI.create("https://trappen.dk/problems/invalid-input");
  private static final URI CONFLICT = URI.create("https://trappen.dk/problems/conflict");
  private static final URI NOT_FOUND = URI.create("https://trappen.dk/problems/not-found");
  private static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("da"));

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e, WebRequest request) {
    return problem(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.conflict() ? CONFLICT : INVALID,
        e.conflict() ? "Conflict" : "Invalid input", e.problems(), locale(request));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    pd.setType(NOT_FOUND);
    pd.setTitle("Not found");
    return pd;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
      @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    List<Problem> problems = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      problems.add(fe.contains(ConstraintViolation.class)
          ? Problem.of(fe.getField(), fe.unwrap(ConstraintViolation.class))
          : Problem.of(fe.getField(), "problem.json.format", fe.getRejectedValue(), "value"));
    }
    problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::code));
    ex.getBindingResult().getGlobalErrors().forEach(ge -> problems.add(ge.contains(ConstraintViolation.class)
        ? Problem.of(ge.getObjectName(), ge.unwrap(ConstraintViolation.class))
        : Problem.of(ge.getObjectName(), "problem.json.unreadable")));
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid input", problems, locale(request)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
      @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    List<Problem> problems = ex.getCause() instanceof JsonProcessingException json
        ? JsonInputProblems.of(json).problems() : List.of(Problem.of("body", "problem.json.unreadable"));
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid input", problems, locale(request)));
  }

  /** The language of the answer: Danish if the client prefers it to English, English otherwise. */
  static Locale locale(WebRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (accept == null || accept.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accept), SPOKEN);
      return chosen == null ? Locale.ENGLISH : chosen;
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }

  ProblemDetail problem(HttpStatus status, URI type, String title, List<Problem> problems, Locale locale) {
    Map<String, String> errors = InvalidInputException.render(problems, messages, locale);
    StringBuilder detail = new StringBuilder();
    errors.forEach((f, p) -> detail.append(detail.isEmpty() ? "" : "; ").append(f).append(": ").append(p));
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail.toString());
    pd.setType(type);
    pd.setTitle(title);
    pd.setProperty("errors", errors);
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("field", p.field());
      entry.put("code", p.code());
      entry.put("arguments", p.arguments());
      entry.put("message", messages.getMessage(p, locale));
      listed.add(entry);
    }
    pd.setProperty("problems", listed);
    return pd;
  }
}
