package dk.trappen.journal;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules of a journal entry and of its correction, every problem at once, for the API and the case page alike:
 * a kind of {@link JournalKind}; when it happened, not in the future (by the application clock); a text that is
 * there, at most {@value #MAX_TEXT} characters and without control characters; and for a correction a reason, at most
 * {@value #MAX_REASON} characters.
 */
@Component
public class JournalPolicy {

  /** The longest text of an entry, in characters (the column's size). */
  public static final int MAX_TEXT = 20000;

  /** The longest reason of a correction, in characters. */
  public static final int MAX_REASON = 2000;

  private final Clock clock;

  JournalPolicy(Clock clock) {
    this.clock = clock;
  }

  /** Every problem of a new entry, or of the new version a correction writes; empty when it may be written. */
  public List<Problem> problems(NewJournalEntry entry) {
    List<Problem> problems = new ArrayList<>();
    if (entry.kind() == null || entry.kind().isBlank()) {
      problems.add(Problem.of("kind", "problem.journal.kind.required"));
    } else if (JournalKind.named(entry.kind()).isEmpty()) {
      problems.add(Problem.of("kind", "problem.journal.kind.unknown", entry.kind(),
          Arrays.toString(JournalKind.values())));
    }
    Instant happenedAt = entry.happenedAt();
    if (happenedAt == null) {
      problems.add(Problem.of("happenedAt", "problem.journal.happenedAt.required"));
    } else if (happenedAt.isAfter(clock.instant())) {
      problems.add(Problem.of("happenedAt", "problem.notFuture"));
    }
    text("text", entry.text(), MAX_TEXT, "problem.journal.text.required", problems);
    return problems;
  }

  /** Every problem of a correction: those of its new version and of its reason. */
  public List<Problem> problems(JournalCorrection correction) {
    List<Problem> problems = problems(correction.content());
    text("reason", correction.reason(), MAX_REASON, "problem.journal.reason.required", problems);
    return problems;
  }

  private static void text(String field, String value, int max, String required, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(Problem.of(field, required));
      return;
    }
    if (value.strip().length() > max) {
      problems.add(Problem.of(field, "problem.tooLong", max));
    }
    if (ControlCharacters.present(value)) {
      problems.add(Problem.of(field, ControlCharacters.PROBLEM));
    }
  }
}
