package dk.trappen.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;

/**
 * What a task form shows: the values under their payload paths, the problem with each field, and the labels and ids
 * the templates use to tie a field, its hint and its error together ({@code aria-describedby}). Templates reach it as
 * {@code f}: {@code f.value('goals[0].title')}, {@code f.error('note')}, {@code f.id('note')}.
 */
public final class FormState {

  /** Problems that concern the task rather than a field of the form: shown in the summary without a link. */
  private static final Set<String> NOT_FIELDS = Set.of("assignee", "body", "caseNumber");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
  private static final Pattern LIST_ELEMENT = Pattern.compile("([A-Za-z0-9]+)\\[(\\d+)]");

  private final String kind;
  private final Map<String, String> values;
  private final Map<String, String> errors;
  private final Map<String, String> names;
  private final List<String> fieldOrder;
  private final Class<?> payloadType;
  private final MessageSource messages;
  private final Locale locale;
  private final String focus;

  /** One line of the error summary: the field's label with its problem, and the id of the field to jump to. */
  public record Problem(String path, String target, String text) {
  }

  /**
   * @param values     the values under their payload paths
   * @param errors     the problem with each field, already in the user's language
   * @param names      what to call a list element in the summary instead of its number (e.g. a goal's title)
   * @param fieldOrder the payload's top-level fields in the order the form shows them
   * @param payloadType the payload record, whose component order is the order of nested fields
   * @param focus      the field to focus when the page or fragment arrives (a row just added), or null
   */
  FormState(String kind, Map<String, String> values, Map<String, String> errors, Map<String, String> names,
      List<String> fieldOrder, Class<?> payloadType, MessageSource messages, Locale locale, String focus) {
    this.focus = focus;
    this.payloadType = payloadType;
    this.kind = kind;
    this.values = new LinkedHashMap<>(values);
    this.errors = new LinkedHashMap<>(errors);
    this.names = names;
    this.fieldOrder = fieldOrder;
    this.messages = messages;
    this.locale = locale;
  }

  /** The path without list indexes: {@code goals[0].subGoals[1].title} is {@code goals.subGoals.title}. */
  static String normalize(String path) {
    return path == null ? "" : INDEX.matcher(path).replaceAll("");
  }

  public String kind() {
    return kind;
  }

  public String value(String path) {
    return values.getOrDefault(path, "");
  }

  public boolean is(String path, Object option) {
    return option != null && option.toString().equals(values.get(path));
  }

  /** True for the field that should take the focus (a row just added; the summary takes it when there are errors). */
  public boolean autofocus(String path) {
    return focus != null && focus.equals(path);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public boolean hasError(String path) {
    return errors.containsKey(path);
  }

  public String error(String path) {
    return errors.get(path);
  }

  /** The id of the field (for a group of radios: of its first radio). */
  public String id(String path) {
    return "f-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
  }

  /** The id of one radio or checkbox of a group. */
  public String id(String path, Object option) {
    return id(path) + "-" + String.valueOf(option).replaceAll("[^A-Za-z0-9]+", "-");
  }

  public String errorId(String path) {
    return id(path) + "-error";
  }

  public String hintId(String path) {
    return id(path) + "-hint";
  }

  /** The ids that describe the field: its hint (if it has one) and its error (if it has one); null if neither. */
  public String describedBy(String path, boolean hint) {
    List<String> ids = new ArrayList<>();
    if (hint) {
      ids.add(hintId(path));
    }
    if (hasError(path)) {
      ids.add(errorId(path));
    }
    return ids.isEmpty() ? null : String.join(" ", ids);
  }

  /** The field's label: {@code form.label.<kind>.<field>}, else {@code form.label.<field>}. */
  public String label(String path) {
    String field = normalize(path);
    String specific = messages.getMessage("form.label." + kind + "." + field, null, null, locale);
    if (specific != null) {
      return specific;
    }
    return messages.getMessage("form.label." + field, null, field, locale);
  }

  /** The label of a drop-down's empty choice: {@code form.choose.<field>}, else {@code form.choose}. */
  public String blank(String path) {
    String specific = messages.getMessage("form.choose." + normalize(path), null, null, locale);
    return specific != null ? specific : messages.getMessage("form.choose", null, "", locale);
  }

  /** The indexes 0..n-1 of a list in the form, at least {@code min} of them, plus {@code extra} empty ones. */
  public List<Integer> indexes(String listPath, int min, int extra) {
    String prefix = listPath + "[";
    int count = 0;
    for (String key : values.keySet()) {
      if (key.startsWith(prefix)) {
        int end = key.indexOf(']', prefix.length());
        if (end > 0) {
          count = Math.max(count, Integer.parseInt(key.substring(prefix.length(), end)) + 1);
        }
      }
    }
    for (String key : errors.keySet()) {
      if (key.startsWith(prefix)) {
        int end = key.indexOf(']', prefix.length());
        if (end > 0) {
          count = Math.max(count, Integer.parseInt(key.substring(prefix.length(), end)) + 1);
        }
      }
    }
    return IntStream.range(0, Math.max(count, min) + extra).boxed().toList();
  }

  public List<Integer> indexes(String listPath, int min) {
    return indexes(listPath, min, 0);
  }

  /** Every problem in the order of the form, for the summary at the top of the page. */
  public List<Problem> summary() {
    List<Problem> out = new ArrayList<>();
    errors.forEach((path, text) -> out.add(new Problem(path, NOT_FIELDS.contains(path) ? null : id(path),
        NOT_FIELDS.contains(path) ? text
            : messages.getMessage("form.error.summaryItem", new Object[] {summaryLabel(path), text}, locale))));
    out.sort(Comparator.comparingInt((Problem p) -> position(p.path()))
        .thenComparing(p -> FormPayload.orderKey(p.path(), payloadType)));
    return out;
  }

  private int position(String path) {
    String top = path.split("[.\\[]", 2)[0];
    int i = fieldOrder.indexOf(top);
    return i < 0 ? fieldOrder.size() : i;
  }

  /** "Mål 1 › Delmål 2 › Titel": where the field sits, then its label. */
  String summaryLabel(String path) {
    StringBuilder sb = new StringBuilder();
    Matcher m = LIST_ELEMENT.matcher(path);
    while (m.find()) {
      String element = path.substring(0, m.end());
      if (m.end() == path.length()) {
        break;
      }
      String name = names.get(element);
      if (name == null) {
        String list = normalize(path.substring(0, m.start()) + m.group(1));
        name = messages.getMessage("form.path." + list, new Object[] {Integer.parseInt(m.group(2)) + 1},
            element, locale);
      }
      sb.append(name).append(" › ");
    }
    return sb.append(label(path)).toString();
  }
}
