package dk.trappen.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
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
 * RFC 9457 problem details for the API. Every rejection names the fields and what is wrong with each in
 * {@code errors} (field -> problem), and the detail repeats it in one sentence.
 */
@RestControllerAdvice(basePackages = "dk.trappen")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final URI INVALID = URI.create("https://trappen.dk/problems/invalid-input");
  private static final URI CONFLICT = URI.create("https://trappen.dk/problems/conflict");
  private static final URI NOT_FOUND = URI.create("https://trappen.dk/problems/not-found");

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return problem(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.conflict() ? CONFLICT : INVALID,
        e.conflict() ? "Conflict" : "Invalid input", e.fieldErrors());
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
    Map<String, String> errors = new TreeMap<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      errors.merge(fe.getField(), fe.getDefaultMessage(), (a, b) -> a + "; " + b);
    }
    ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.put(ge.getObjectName(), ge.getDefaultMessage()));
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid input", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
      @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
    Map<String, String> errors = ex.getCause() instanceof JsonProcessingException json
        ? JsonInputProblems.of(json).fieldErrors() : Map.of("body", "is not valid JSON");
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid input", errors));
  }

  static ProblemDetail problem(HttpStatus status, URI type, String title, Map<String, String> errors) {
    StringBuilder detail = new StringBuilder();
    errors.forEach((f, p) -> detail.append(detail.isEmpty() ? "" : "; ").append(f).append(": ").append(p));
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail.toString());
    pd.setType(type);
    pd.setTitle(title);
    pd.setProperty("errors", errors);
    return pd;
  }
}
