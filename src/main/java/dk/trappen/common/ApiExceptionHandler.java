package dk.trappen.common;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.List;
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
    String field = "body";
    String problem = "is not valid JSON";
    if (ex.getCause() instanceof MismatchedInputException mie) {
      field = path(mie.getPath());
      if (mie instanceof InvalidFormatException ife) {
        problem = "has the wrong format: '" + ife.getValue() + "' is not a valid " + ife.getTargetType().getSimpleName()
            + (ife.getTargetType().isEnum()
            ? " (one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants()) + ")" : "");
      } else {
        problem = "has the wrong type; expected " + mie.getTargetType().getSimpleName();
      }
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid input",
        Map.of(field, problem)));
  }

  private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (var ref : refs) {
      if (ref.getFieldName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
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
