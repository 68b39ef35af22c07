package dk.trappen.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Turns a JSON body that cannot be read into an {@link InvalidInputException} naming the field and the problem. */
public final class JsonInputProblems {

  private JsonInputProblems() {
  }

  public static InvalidInputException of(JsonProcessingException e) {
    if (e instanceof TextInputJackson.ControlCharacterException c) {
      return InvalidInputException.of(path(c.getPath()), ControlCharacters.PROBLEM);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return InvalidInputException.of(path(u.getPath()), "problem.json.unknownField");
    }
    if (e instanceof InvalidFormatException f) {
      Class<?> type = f.getTargetType();
      String field = path(f.getPath());
      if (type.isEnum()) {
        return InvalidInputException.of(field, "problem.json.notOneOf", f.getValue(), type.getSimpleName(),
            Arrays.toString(type.getEnumConstants()));
      }
      return InvalidInputException.of(field, type == LocalDate.class ? "problem.json.notADate" : "problem.json.format",
          f.getValue(), type.getSimpleName());
    }
    if (e instanceof MismatchedInputException m) {
      return m.getTargetType() == null ? InvalidInputException.of(path(m.getPath()), "problem.json.wrongType")
          : InvalidInputException.of(path(m.getPath()), "problem.json.wrongTypeExpected",
              m.getTargetType().getSimpleName());
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException
        && !m.getPath().isEmpty()) {
      // a number out of range of its field (99999999999999999999 for an int), wrapped with the field's path
      return InvalidInputException.of(path(m.getPath()), "problem.json.outOfRange");
    }
    if (e instanceof InputCoercionException c && c.getProcessor() != null) {
      JsonParser p = c.getProcessor();
      // a number out of range of its field (e.g. 99999999999999999999 for an int): name the field the parser was at
      String field = path(p.getParsingContext());
      return c.getTargetType() == null ? InvalidInputException.of(field, "problem.json.outOfRange")
          : InvalidInputException.of(field, "problem.json.outOfRangeOf", c.getTargetType().getSimpleName());
    }
    return InvalidInputException.of("body", "problem.json.invalid", e.getOriginalMessage());
  }

  /** The dotted path of the parser's position ("goals[0].title"); "body" at the top. */
  static String path(JsonStreamContext context) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    path = path.startsWith(".") ? path.substring(1) : path;
    return path.isEmpty() ? "body" : path;
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
