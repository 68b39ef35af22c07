package dk.trappen.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A due time in words relative to now: "om 2 dage", "3 dage over" (templates: {@code @dueWords.of(due)}). */
@Component("dueWords")
public class DueWords {

  private final MessageSource messages;
  private final Clock clock;

  DueWords(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  public String of(Instant due) {
    if (due == null) {
      return message("due.none", null);
    }
    Duration left = Duration.between(clock.instant(), due);
    boolean over = left.isNegative();
    Duration d = left.abs();
    String prefix = over ? "due.overdue" : "due.in";
    if (d.toMinutes() < 60) {
      return message(prefix + "Minutes", d.toMinutes());
    }
    if (d.toHours() < 48) {
      return message(prefix + "Hours", d.toHours());
    }
    return message(prefix + "Days", d.toDays());
  }

  private String message(String key, Object arg) {
    return messages.getMessage(key, arg == null ? null : new Object[] {arg}, LocaleContextHolder.getLocale());
  }
}
