package dk.trappen.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;

/** Turns a JSON body that cannot be read into an {@link InvalidInputException} naming the field and the problem. */
public final class JsonInputProblems {

  private JsonInputProblems() {
  }

  public static InvalidInputException of(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return new InvalidInputException(path(u.getPath()), "is not a field of this form");
    }
    if (e instanceof InvalidFormatException f) {
      Class<?> type = f.getTargetType();
      return new InvalidInputException(path(f.getPath()), "has the wrong format: '" + f.getValue()
          + "' is not a valid " + type.getSimpleName()
          + (type.isEnum() ? " (one of " + Arrays.toString(type.getEnumConstants()) + ")" : ""));
    }
    if (e instanceof MismatchedInputException m) {
      return new InvalidInputException(path(m.getPath()), "has the wrong type; expected "
          + (m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName()));
    }
    return new InvalidInputException("body", "is not valid JSON: " + e.getOriginalMessage());
  }

  /** The dotted path of the field, with [i] for list elements ("goals[0].title"); "body" for the whole body. */
  static String path(List<JsonMappingException.Reference> refs) {
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
}
