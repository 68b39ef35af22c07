package dk.trappen.casefile;

import dk.trappen.common.ControlCharacters;
import dk.trappen.meetings.ConcernSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiFunction;
import lombok.Getter;
import lombok.Setter;

/**
 * The case page's new-concern form as typed: who raised it, what it is, and when (datetime-local; blank means now),
 * with the page's checks of what was typed (the service checks the concern again when it registers it).
 */
@Getter
@Setter
public class ConcernForm {

  private String raisedBy;
  private String description;
  private String raisedAt;

  /** Who raised it, or null (with the error put in {@code errors}) if none or an unknown source was chosen. */
  ConcernSource source(Map<String, String> errors, BiFunction<String, Object[], String> msg) {
    if (raisedBy != null && !raisedBy.isBlank()) {
      try {
        return ConcernSource.valueOf(raisedBy);
      } catch (IllegalArgumentException e) {
        // reported below as not chosen
      }
    }
    errors.put("raisedBy", msg.apply("case.form.error.choose", new Object[0]));
    return null;
  }

  /** The description without surrounding white space; an error in {@code errors} if blank, too long or garbled. */
  String strippedDescription(Map<String, String> errors, BiFunction<String, Object[], String> msg) {
    String stripped = description == null ? "" : description.strip();
    if (stripped.isEmpty()) {
      errors.put("description", msg.apply("case.concern.error.description", new Object[0]));
    } else if (stripped.length() > 4000) {
      errors.put("description", msg.apply("case.form.error.tooLong", new Object[] {4000}));
    } else if (ControlCharacters.present(description)) {
      errors.put("description", msg.apply("case.form.error.controlCharacters", new Object[0]));
    }
    return stripped;
  }

  /** When it was raised in the clock's zone, null for now; an error in {@code errors} if unreadable or future. */
  Instant raisedAtInstant(Clock clock, Map<String, String> errors, BiFunction<String, Object[], String> msg) {
    if (raisedAt == null || raisedAt.isBlank()) {
      return null;
    }
    try {
      Instant at = LocalDateTime.parse(raisedAt.strip()).atZone(clock.getZone()).toInstant();
      if (at.isAfter(clock.instant())) {
        errors.put("raisedAt", msg.apply("case.form.error.future", new Object[0]));
      }
      return at;
    } catch (DateTimeParseException e) {
      errors.put("raisedAt", msg.apply("case.form.error.dateTime", new Object[0]));
      return null;
    }
  }
}
