package dk.trappen.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the parameters of a submitted task form into the JSON payload of the task's kind. Parameter names mirror the
 * payload's paths ({@code goals[0].subGoals[1].title}); the payload record says what each leaf is, so booleans and
 * numbers become JSON booleans and numbers, and everything else stays text. Empty values are absent, list elements
 * with nothing filled in are dropped and the remaining elements are numbered from 0 again; parameters that are not
 * part of the payload (the CSRF token, buttons) are ignored.
 *
 * <p>The result also holds the submitted values under their renumbered paths, so that a form refused by validation
 * can be shown again with every error next to the value it concerns.
 */
public final class FormPayload {

  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,4})])?");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The payload and the submitted values under the payload's paths. */
  public record Converted(ObjectNode json, Map<String, String> values) {
  }

  private FormPayload() {
  }

  /**
   * @param params      the request parameters (first value of each is used)
   * @param payloadType the record the task's handler reads
   * @param keepEmpty   keep list elements with nothing filled in (when the form is shown again to add a row)
   */
  public static Converted convert(Map<String, String[]> params, Class<?> payloadType, boolean keepEmpty) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : params.entrySet()) {
      String[] values = e.getValue();
      if (values == null || values.length == 0) {
        continue;
      }
      put(tree, e.getKey(), values[0], payloadType);
    }
    ObjectNode json = object(tree, payloadType, keepEmpty);
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", json, flat);
    return new Converted(json, flat);
  }

  /** Flattens a JSON payload (e.g. one prefilled from stored data) into form values under their paths. */
  public static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", node, flat);
    return flat;
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

  /** Places one parameter into the tree if its name is a path of the payload type; ignores it otherwise. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String name, String raw, Class<?> type) {
    if (raw == null || raw.isBlank()) {
      return;
    }
    String[] parts = name.split("\\.", -1);
    Map<String, Object> node = tree;
    Class<?> current = type;
    for (int p = 0; p < parts.length; p++) {
      Matcher m = SEGMENT.matcher(parts[p]);
      if (!m.matches() || current == null || !current.isRecord()) {
        return;
      }
      RecordComponent component = component(current, m.group(1));
      if (component == null) {
        return;
      }
      boolean last = p == parts.length - 1;
      boolean list = List.class.isAssignableFrom(component.getType());
      if (list != (m.group(2) != null)) {
        return;
      }
      if (list) {
        Class<?> element = elementType(component);
        TreeMap<Integer, Object> elements = (TreeMap<Integer, Object>) node.computeIfAbsent(m.group(1),
            k -> new TreeMap<Integer, Object>());
        int index = Integer.parseInt(m.group(2));
        if (last) {
          if (element != null && !element.isRecord()) {
            elements.put(index, new Leaf(raw, element));
          }
          return;
        }
        node = (Map<String, Object>) elements.computeIfAbsent(index, k -> new LinkedHashMap<String, Object>());
        current = element;
      } else if (last) {
        if (!component.getType().isRecord()) {
          node.put(m.group(1), new Leaf(raw, component.getType()));
        }
        return;
      } else {
        Object child = node.computeIfAbsent(m.group(1), k -> new LinkedHashMap<String, Object>());
        if (!(child instanceof Map)) {
          return;
        }
        node = (Map<String, Object>) child;
        current = component.getType();
      }
    }
  }

  private record Leaf(String raw, Class<?> type) {
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode object(Map<String, Object> tree, Class<?> type, boolean keepEmpty) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      RecordComponent component = component(type, e.getKey());
      Object value = e.getValue();
      if (value instanceof Leaf leaf) {
        out.set(e.getKey(), leaf(leaf));
      } else if (value instanceof TreeMap<?, ?> elements) {
        ArrayNode array = NODES.arrayNode();
        Class<?> element = elementType(component);
        for (Object item : elements.values()) {
          if (item instanceof Leaf leaf) {
            array.add(leaf(leaf));
          } else {
            ObjectNode child = object((Map<String, Object>) item, element, keepEmpty);
            if (keepEmpty || !child.isEmpty()) {
              array.add(child);
            }
          }
        }
        out.set(e.getKey(), array);
      } else if (value instanceof Map<?, ?> child) {
        out.set(e.getKey(), object((Map<String, Object>) child, component.getType(), keepEmpty));
      }
    }
    return out;
  }

  /** A leaf as the payload type needs it; text that is not a valid number or boolean stays text for Jackson to refuse. */
  private static JsonNode leaf(Leaf leaf) {
    String raw = leaf.raw().strip();
    Class<?> t = leaf.type();
    if (t == Boolean.class || t == boolean.class) {
      if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("on")) {
        return NODES.booleanNode(true);
      }
      if (raw.equalsIgnoreCase("false")) {
        return NODES.booleanNode(false);
      }
      return NODES.textNode(raw);
    }
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class
        || t == short.class) {
      try {
        return NODES.numberNode(Long.parseLong(raw));
      } catch (NumberFormatException e) {
        return NODES.textNode(raw);
      }
    }
    return NODES.textNode(leaf.raw());
  }

  private static RecordComponent component(Class<?> type, String name) {
    if (type == null || !type.isRecord()) {
      return null;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static Class<?> elementType(RecordComponent component) {
    if (component == null) {
      return null;
    }
    Type generic = component.getGenericType();
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /**
   * A key that sorts paths in the order of the payload: by each record component's position and each list index
   * ({@code goals[0].subGoals[1].title} before {@code goals[0].subGoals[1].targetDate}); unknown parts sort last.
   */
  static String orderKey(String path, Class<?> type) {
    StringBuilder key = new StringBuilder();
    Class<?> current = type;
    for (String part : path.split("\\.")) {
      Matcher m = SEGMENT.matcher(part);
      RecordComponent component = m.matches() ? component(current, m.group(1)) : null;
      if (component == null) {
        key.append("9999.").append(part);
        break;
      }
      key.append(String.format("%04d.", indexOf(current, component)));
      if (m.group(2) != null) {
        key.append(String.format("%04d.", Integer.parseInt(m.group(2))));
        current = elementType(component);
      } else {
        current = component.getType();
      }
    }
    return key.toString();
  }

  private static int indexOf(Class<?> type, RecordComponent component) {
    RecordComponent[] all = type.getRecordComponents();
    for (int i = 0; i < all.length; i++) {
      if (all[i].getName().equals(component.getName())) {
        return i;
      }
    }
    return all.length;
  }
}
