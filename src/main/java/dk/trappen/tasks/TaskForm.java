package dk.trappen.tasks;

import java.util.List;
import java.util.Map;

/**
 * The page side of one kind of user task, contributed by the feature that owns it (usually the same bean as its
 * {@link TaskHandler}): the template, the payload the form binds to, what the form shows, and where it starts. The
 * form controller of this feature knows no task kind by name; it binds the request into {@link #payloadType()} with
 * Spring's data binding, validates it, runs the handler's {@link TaskHandler#problems context policy} and shows the
 * result with {@link FormView}.
 *
 * @param <P> the payload record, the same the API takes
 */
public interface TaskForm<P> {

  /** The kind as the API names it, e.g. {@code acute-assessment}. */
  String kind();

  Class<P> payloadType();

  /**
   * The names of the form's fields, at any depth, in the order the form shows them ({@code goals}, {@code title},
   * {@code subGoals}, ...): the order of the error summary.
   */
  List<String> fieldOrder();

  /** The Thymeleaf template of the form. */
  default String template() {
    return "forms/" + kind();
  }

  /** What the form starts with (a recommendation, the current plan, ...); null for an empty form. */
  default P prefill(FormContext form) {
    return null;
  }

  /** What the form shows besides the payload (choices, facts to read), as model attributes. */
  default Map<String, Object> model(FormContext form) {
    return Map.of();
  }

  /** What to call a list element in the error summary instead of its number, e.g. a goal's title. */
  default Map<String, String> elementNames(FormContext form) {
    return Map.of();
  }
}
