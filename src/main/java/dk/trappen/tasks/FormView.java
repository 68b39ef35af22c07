package dk.trappen.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.common.FormBinding;
import dk.trappen.common.Problem;
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
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;

/**
 * A task form as its template shows it ({@code f}): the values under their payload paths, the {@link BindingResult}
 * with every problem (binding, validation, the context policy, the service's refusal), and the labels and ids that
 * tie a field, its hint and its error together ({@code aria-describedby}): {@code f.value('goals[0].title')},
 * {@code f.error('note')}, {@code f.id('note')}.
 */
public final class FormView {

  /** Problems that concern the task rather than a field of the form: shown in the summary without a link. */
  private static final Set<String> NOT_FIELDS = Set.of("assignee", "body", "caseNumber", "task");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
  private static final Pattern LIST_ELEMENT = Pattern.compile("([A-Za-z0-9]+)\\[(\\d+)]");

  private final String kind;
  private final List<String> fieldOrder;
  private final Map<String, String> values;
  private final BindingResult errors;
  private final Map<String, String> names;
  private final MessageSource messages;
  private final Locale locale;
  private final String focus;

  /** One line of the error summary: the field's label with its problem, and the id of the field to jump to. */
  public record SummaryItem(String path, String target, String text) {
  }

  private FormView(TaskForm<?> form, Map<String, String> values, BindingResult errors, Map<String, String> names,
      MessageSource messages, Locale locale, String focus) {
    this.kind = form.kind();
    this.fieldOrder = form.fieldOrder();
    this.values = values;
    this.errors = errors;
    this.names = names;
    this.messages = messages;
    this.locale = locale;
    this.focus = focus;
  }

  /** A form as submitted: the values as typed and every problem found. */
  public static FormView of(TaskForm<?> form, Map<String, String> values, BindingResult errors,
      Map<String, String> names, MessageSource messages, Locale locale) {
    return new FormView(form, values, errors, names, messages, locale, null);
  }

  /** A form starting from {@code payload} (a JSON tree of the payload record; null for an empty form). */
  public static FormView start(TaskForm<?> form, JsonNode payload, Map<String, String> names, MessageSource messages,
      Locale locale) {
    Map<String, String> values = new LinkedHashMap<>();
    flatten("", payload, values);
    return new FormView(form, values, empty(), names, messages, locale, null);
  }

  /** An empty row added to a form (htmx), with the focus on {@code focus}. */
  public static FormView row(TaskForm<?> form, String focus, MessageSource messages, Locale locale) {
    return new FormView(form, Map.of(), empty(), Map.of(), messages, locale, focus);
  }

  /** A problem as a field error of the binding result: worded for the page, else as the API words it. */
  static void reject(BindingResult result, Problem problem) {
    result.addError(new FieldError(result.getObjectName(), problem.field(), null, false,
        problem.onPage().getCodes(), problem.getArguments(), problem.code()));
  }

  static BindingResult empty() {
    return new MapBindingResult(new LinkedHashMap<>(), FormBinding.OBJECT);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
          f.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node.asText());
    }
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
    return errors.hasErrors();
  }

  public boolean hasError(String path) {
    return !errors(path).isEmpty();
  }

  /** The problems with the field in the user's language, in one sentence each. */
  public String error(String path) {
    List<String> texts = errors(path);
    return texts.isEmpty() ? null : String.join(" ", texts);
  }

  private List<String> errors(String path) {
    return errors.getFieldErrors().stream().filter(e -> e.getField().equals(path))
        .map(e -> messages.getMessage(e, locale)).distinct().toList();
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

  /**
   * The field's label: the name the form gives the path ({@link TaskForm#elementNames}), else
   * {@code form.label.<kind>.<field>}, else {@code form.label.<field>}.
   */
  public String label(String path) {
    // a field named by the form itself (an outcome indicator by its configured name); a list element's name is
    // where it sits (summaryLabel), not its label
    String named = path == null || path.matches(".*\\[\\d+]") ? null : names.get(path);
    if (named != null) {
      return named;
    }
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
    List<String> paths = new ArrayList<>(values.keySet());
    errors.getFieldErrors().forEach(e -> paths.add(e.getField()));
    for (String key : paths) {
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
  public List<SummaryItem> summary() {
    Map<String, String> byField = new LinkedHashMap<>();
    errors.getFieldErrors().forEach(e -> byField.putIfAbsent(e.getField(), error(e.getField())));
    List<SummaryItem> out = new ArrayList<>();
    byField.forEach((path, text) -> out.add(new SummaryItem(path, NOT_FIELDS.contains(path) ? null : id(path),
        NOT_FIELDS.contains(path) ? text
            : messages.getMessage("form.error.summaryItem", new Object[] {summaryLabel(path), text}, locale))));
    out.sort(Comparator.comparing(SummaryItem::path, this::inFormOrder));
    return out;
  }

  /** Paths in the order of the form: by the position of each part's name in the field order, then by list index. */
  private int inFormOrder(String a, String b) {
    String[] pa = a.split("\\.");
    String[] pb = b.split("\\.");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      int c = Long.compare(rank(pa[i]), rank(pb[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  private long rank(String part) {
    int bracket = part.indexOf('[');
    String name = bracket < 0 ? part : part.substring(0, bracket);
    int position = fieldOrder.indexOf(name);
    String key = bracket < 0 ? null : part.substring(bracket + 1, part.indexOf(']', bracket));
    // a list element by its index; a map's entries (outcomes[POLICE_CONTACT]) rank alike
    long index = key == null ? -1 : key.chars().allMatch(Character::isDigit) ? Long.parseLong(key) : 0;
    return (position < 0 ? fieldOrder.size() : position) * 100_000L + index + 1;
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
