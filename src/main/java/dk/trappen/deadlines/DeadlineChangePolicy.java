package dk.trappen.deadlines;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules of a change of a deadline, every problem at once, for the API and the case page alike: a type of
 * EXTENSION or PAUSE; a reason that is there, at most {@value #MAX_TEXT} characters, without control characters; for
 * an extension a new due date after the current due date and not before today (in the rules' zone). A decision says
 * approve or refuse, and a refusal has a note. What the state of the deadline allows (open, not paused, no request
 * waiting) is a conflict, checked by {@link DeadlineExtensions}.
 */
@Component
public class DeadlineChangePolicy {

  /** The longest reason or note, in characters (the columns' size). */
  public static final int MAX_TEXT = 2000;

  private final Clock clock;
  private final DeadlineRules rules;

  DeadlineChangePolicy(Clock clock, DeadlineRules rules) {
    this.clock = clock;
    this.rules = rules;
  }

  /** The type named, if it is EXTENSION or PAUSE (a resume has its own request). */
  static Optional<DeadlineChangeType> type(String type) {
    if (type == null) {
      return Optional.empty();
    }
    return Arrays.stream(DeadlineChangeType.values()).filter(t -> t != DeadlineChangeType.RESUME)
        .filter(t -> t.name().equals(type.strip())).findFirst();
  }

  /** Every problem of an extension or pause of a deadline due at {@code current}; empty when it may be asked. */
  public List<Problem> problems(DeadlineChangeRequest request, java.time.Instant current) {
    List<Problem> problems = new ArrayList<>();
    Optional<DeadlineChangeType> type = type(request.type());
    if (request.type() == null || request.type().isBlank()) {
      problems.add(Problem.of("type", "problem.deadline.change.type.required"));
    } else if (type.isEmpty()) {
      problems.add(Problem.of("type", "problem.deadline.change.type.unknown", request.type(), "EXTENSION, PAUSE"));
    }
    text("reason", request.reason(), "problem.deadline.change.reason.required", problems);
    if (type.orElse(null) == DeadlineChangeType.EXTENSION) {
      LocalDate date = request.newDueDate();
      LocalDate currentDate = current.atZone(rules.zone()).toLocalDate();
      if (date == null) {
        problems.add(Problem.of("newDueDate", "problem.deadline.change.newDueDate.required"));
      } else if (!date.isAfter(currentDate)) {
        problems.add(Problem.of("newDueDate", "problem.deadline.change.newDueDate.notAfter", currentDate));
      } else if (date.isBefore(clock.instant().atZone(rules.zone()).toLocalDate())) {
        problems.add(Problem.of("newDueDate", "problem.deadline.change.newDueDate.past"));
      }
    }
    return problems;
  }

  /** Every problem of the team leader's decision; empty when it may be made. */
  public List<Problem> problems(DeadlineDecision decision) {
    List<Problem> problems = new ArrayList<>();
    if (decision.approve() == null) {
      problems.add(Problem.of("approve", "problem.deadline.change.approve.required"));
    }
    text("note", decision.note(),
        Boolean.FALSE.equals(decision.approve()) ? "problem.deadline.change.note.required" : null, problems);
    return problems;
  }

  /** Every problem of a resume: its note, if any. */
  public List<Problem> problems(DeadlineResume resume) {
    List<Problem> problems = new ArrayList<>();
    text("reason", resume == null ? null : resume.reason(), null, problems);
    return problems;
  }

  /** A text's problems; {@code required} is the code of its absence, null when it may be left out. */
  private static void text(String field, String value, String required, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      if (required != null) {
        problems.add(Problem.of(field, required));
      }
      return;
    }
    if (value.strip().length() > MAX_TEXT) {
      problems.add(Problem.of(field, "problem.tooLong", MAX_TEXT));
    }
    if (ControlCharacters.present(value)) {
      problems.add(Problem.of(field, ControlCharacters.PROBLEM));
    }
  }
}
