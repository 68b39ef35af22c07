package dk.trappen.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that cannot be accepted, with the offending fields and what is wrong with each (HTTP 400 or 409 as problem
 * details). Thrown before anything is written, or inside the transaction so that nothing is.
 */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> fieldErrors;
  private final boolean conflict;

  public InvalidInputException(String field, String problem) {
    this(Map.of(field, problem), false);
  }

  public InvalidInputException(Map<String, String> fieldErrors, boolean conflict) {
    super(describe(fieldErrors));
    this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    this.conflict = conflict;
  }

  public static InvalidInputException conflict(String field, String problem) {
    return new InvalidInputException(Map.of(field, problem), true);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  public boolean conflict() {
    return conflict;
  }

  private static String describe(Map<String, String> errors) {
    StringBuilder sb = new StringBuilder();
    errors.forEach((f, p) -> sb.append(sb.isEmpty() ? "" : "; ").append(f).append(": ").append(p));
    return sb.toString();
  }
}
