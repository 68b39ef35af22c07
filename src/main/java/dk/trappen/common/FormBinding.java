package dk.trappen.common;

import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.datetime.standard.DateTimeFormatterRegistrar;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;

/**
 * Binds a submitted task form into its payload record with Spring's constructor binding ({@link DataBinder#construct}),
 * nested lists included ({@code goals[0].subGoals[1].title}) and maps by upper-case key
 * ({@code outcomes[POLICE_CONTACT]}). Before binding, blank values are left out (an empty
 * field is an absent one, as in the API) and list elements with nothing filled in are dropped, the rest numbered from
 * 0 again: the values the form shows again are the renumbered ones, so that each problem sits next to its value.
 * A date and time typed in a form ({@code datetime-local}) is local time in the municipality's zone.
 *
 * <p>Used by every page form: the task forms, the intake form and the case page's concern form.
 */
public final class FormBinding {

  /** The name the binding result gives the payload. */
  public static final String OBJECT = "payload";

  private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,4})]");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]]{0,200}");
  /** A map's key in brackets: an upper-case key such as {@code outcomes[SCHOOL_ATTENDANCE]}. */
  private static final Pattern MAP_KEY = Pattern.compile("\\[[A-Z][A-Z0-9_]{0,39}]");
  private static final Map<ZoneId, FormattingConversionService> CONVERSIONS = new ConcurrentHashMap<>();

  /** The payload as bound (fields that could not be converted are null) and what binding found wrong. */
  public record Bound<P>(P payload, BindingResult result) {
  }

  private FormBinding() {
  }

  /** The submitted values under the payload's paths, blank ones and empty list elements left out, renumbered. */
  public static Map<String, String> values(Map<String, String[]> params) {
    Map<String, String> filled = new LinkedHashMap<>();
    params.forEach((name, values) -> {
      if (values != null && values.length > 0 && values[0] != null && !values[0].isBlank()
          && NAME.matcher(name).matches()) {
        filled.put(name, values[0]);
      }
    });
    // the indexes in use under each list, by the list's path as submitted
    Map<String, TreeSet<Integer>> used = new HashMap<>();
    filled.keySet().forEach(name -> {
      Matcher m = INDEX.matcher(name);
      while (m.find()) {
        used.computeIfAbsent(name.substring(0, m.start()), k -> new TreeSet<>()).add(Integer.parseInt(m.group(1)));
      }
    });
    Map<String, String> out = new LinkedHashMap<>();
    filled.forEach((name, value) -> {
      StringBuilder renamed = new StringBuilder();
      Matcher m = INDEX.matcher(name);
      int at = 0;
      while (m.find()) {
        int rank = used.get(name.substring(0, m.start())).headSet(Integer.parseInt(m.group(1))).size();
        renamed.append(name, at, m.start()).append('[').append(rank).append(']');
        at = m.end();
      }
      renamed.append(name.substring(at));
      // a bracket that is not a small index or an upper-case map key names no field of any payload
      if (MAP_KEY.matcher(INDEX.matcher(renamed).replaceAll("")).replaceAll("").indexOf("[") < 0) {
        out.put(renamed.toString(), value);
      }
    });
    return out;
  }

  /**
   * Binds the values into a new {@code type} by its constructor, converting text as the payload's fields need; an
   * {@link Instant} is read as local date and time in {@code zone}.
   */
  public static <P> Bound<P> bind(Map<String, String> values, Class<P> type, ZoneId zone) {
    FormattingConversionService conversion = CONVERSIONS.computeIfAbsent(zone, FormBinding::conversion);
    List<FieldError> entryErrors = new ArrayList<>();
    Map<String, String> bindable = withoutBadMapEntries(values, type, conversion, entryErrors);
    DataBinder binder = new DataBinder(null, OBJECT);
    binder.setTargetType(ResolvableType.forClass(type));
    binder.setConversionService(conversion);
    binder.construct(new DataBinder.ValueResolver() {
      @Override
      public Object resolveValue(String name, Class<?> paramType) {
        String value = bindable.get(name);
        // a checkbox that is not ticked sends nothing: false
        return value == null && paramType == boolean.class ? "false" : value;
      }

      @Override
      public Set<String> getNames() {
        return bindable.keySet();
      }
    });
    entryErrors.forEach(binder.getBindingResult()::addError);
    return new Bound<>(type.cast(binder.getTarget()), binder.getBindingResult());
  }

  /**
   * The values without the entries of the payload's maps ({@code outcomes[POLICE_CONTACT]}) that do not convert to
   * the map's value type, each added to {@code errors} under its own path: Spring converts a map as a whole, and its
   * problem would name the map instead of the entry, and lose the entries that were right.
   */
  private static Map<String, String> withoutBadMapEntries(Map<String, String> values, Class<?> type,
      FormattingConversionService conversion, List<FieldError> errors) {
    if (!type.isRecord()) {
      return values;
    }
    Map<String, String> kept = new LinkedHashMap<>(values);
    for (RecordComponent component : type.getRecordComponents()) {
      if (!Map.class.isAssignableFrom(component.getType())) {
        continue;
      }
      Class<?> valueType = ResolvableType.forType(component.getGenericType()).getGeneric(1).resolve(Object.class);
      String prefix = component.getName() + "[";
      values.forEach((name, value) -> {
        if (name.startsWith(prefix)) {
          try {
            conversion.convert(value, valueType);
          } catch (ConversionException e) {
            kept.remove(name);
            FieldError error = new FieldError(OBJECT, name, value, true, new String[] {"typeMismatch"}, null,
                "not a " + valueType.getSimpleName());
            error.wrap(new TypeMismatchException(value, valueType, e));
            errors.add(error);
          }
        }
      });
    }
    return kept;
  }

  /**
   * What binding found wrong, as the problems the API names for the same input (a value that is not one of the
   * choices, not a date, not a number or boolean), and every value holding a control character.
   */
  public static List<Problem> problems(BindingResult result, Map<String, String> values) {
    List<Problem> problems = new ArrayList<>();
    for (FieldError e : result.getFieldErrors()) {
      Object value = e.getRejectedValue();
      Class<?> type = e.contains(TypeMismatchException.class)
          ? e.unwrap(TypeMismatchException.class).getRequiredType() : null;
      if (type != null && type.isEnum()) {
        problems.add(Problem.of(e.getField(), "problem.json.notOneOf", value, type.getSimpleName(),
            Arrays.toString(type.getEnumConstants())));
      } else if (type == java.time.LocalDate.class) {
        problems.add(Problem.of(e.getField(), "problem.json.notADate", value, type.getSimpleName()));
      } else if (type == Instant.class) {
        problems.add(Problem.of(e.getField(), "problem.json.notADateTime", value));
      } else {
        problems.add(Problem.of(e.getField(), "problem.json.format", value,
            type == null ? "value" : type.getSimpleName()));
      }
    }
    values.forEach((path, value) -> {
      if (ControlCharacters.present(value)) {
        problems.add(Problem.of(path, ControlCharacters.PROBLEM));
      }
    });
    return problems;
  }

  /**
   * Every problem of a submitted form before the feature's own rules: what binding found ({@link #problems}) and what
   * Bean Validation finds in the payload, except "required" and the like for a value that was typed but could not be
   * bound (its problem is the binding's).
   */
  public static List<Problem> problems(Bound<?> bound, Map<String, String> values, Validator validator) {
    List<Problem> problems = new ArrayList<>(problems(bound.result(), values));
    Set<String> unbound = new java.util.HashSet<>();
    bound.result().getFieldErrors().forEach(e -> unbound.add(e.getField()));
    validator.validate(bound.payload()).stream().map(Problem::of).filter(p -> !unbound.contains(p.field()))
        .forEach(problems::add);
    return problems;
  }

  private static FormattingConversionService conversion(ZoneId zone) {
    DefaultFormattingConversionService conversion = new DefaultFormattingConversionService(false);
    DateTimeFormatterRegistrar dates = new DateTimeFormatterRegistrar();
    dates.setUseIsoFormat(true);
    dates.registerFormatters(conversion);
    // after the registrar, so that a form's local time wins over the ISO instant
    conversion.addConverter(String.class, Instant.class,
        (Converter<String, Instant>) text -> LocalDateTime.parse(text.strip()).atZone(zone).toInstant());
    return conversion;
  }
}
