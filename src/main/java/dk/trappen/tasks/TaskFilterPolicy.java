package dk.trappen.tasks;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules of a saved task list filter, every problem at once, for the API and the page alike: a name (required, at
 * most {@value #MAX_NAME} characters, no control or bidirectional characters); a kind of the shape of a task kind, if
 * given; a deadline state of the list's state filter, a scope, a sort key and a direction the task list knows, if
 * given; and at most {@value #MAX_PER_USER} filters per user. A name the user has already given a filter (in any case)
 * is a conflict the service finds ({@code problem.taskFilter.duplicate}, 409).
 */
@Component
class TaskFilterPolicy {

  public static final int MAX_NAME = 60;
  public static final int MAX_PER_USER = 20;
  private static final int MAX_KIND = 100;

  /** The task list's state filter: a deadline state of an open deadline, or none. */
  static final Set<String> STATES = Set.of("OVERDUE", "AT_RISK", "OPEN", "NONE");
  private static final Pattern KIND = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Every problem of a new filter for a user who has {@code existing} filters; empty when it may be saved. */
  List<Problem> problems(NewTaskFilter f, long existing) {
    List<Problem> problems = new ArrayList<>();
    if (f.name() == null || f.name().isBlank()) {
      problems.add(Problem.of("name", "problem.required"));
    } else {
      if (f.name().strip().length() > MAX_NAME) {
        problems.add(Problem.of("name", "problem.tooLong", MAX_NAME));
      }
      if (ControlCharacters.present(f.name())) {
        problems.add(Problem.of("name", ControlCharacters.PROBLEM));
      }
      if (ControlCharacters.bidiPresent(f.name())) {
        problems.add(Problem.of("name", ControlCharacters.BIDI_PROBLEM));
      }
    }
    problems.addAll(listFilterProblems(f.kind(), f.state()));
    try {
      TaskScope.parse(f.scope());
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    try {
      TaskOrder.parse(f.sort(), f.dir());
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (existing >= MAX_PER_USER) {
      problems.add(Problem.of("filters", "problem.taskFilter.tooMany", MAX_PER_USER));
    }
    return problems;
  }

  /**
   * The problems of the task list's kind and state filters, as the API and a saved filter check them: a kind of the
   * shape of a task kind, and a state of {@link #STATES}; blank is none.
   */
  static List<Problem> listFilterProblems(String kind, String state) {
    List<Problem> problems = new ArrayList<>();
    if (present(kind)) {
      String k = kind.strip();
      if (k.length() > MAX_KIND) {
        problems.add(Problem.of("kind", "problem.tooLong", MAX_KIND));
      } else if (!KIND.matcher(k).matches()) {
        problems.add(Problem.of("kind", "problem.taskFilter.kind"));
      }
    }
    if (present(state) && !STATES.contains(state.strip().toUpperCase(Locale.ROOT))) {
      problems.add(Problem.of("state", "problem.taskFilter.state", state.strip(), List.copyOf(
          new java.util.TreeSet<>(STATES))));
    }
    return problems;
  }

  /** The name as a user's names are compared: stripped and in lower case. */
  static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
