package dk.trappen.casefile;

import dk.trappen.journal.JournalEntryView;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The case page's journal: each entry as a thread of its versions, the current one first and the corrected ones
 * after it (as {@code JournalService.entries} orders them), with the names of the people shown.
 */
final class JournalThreads {

  /**
   * One version of an entry as the page shows it.
   *
   * @param author        who wrote it, by name
   * @param correctedBy   who corrected it, by name; null while it is current
   * @param happenedLocal when it happened, as a datetime-local field shows it (the correction form starts there)
   */
  record Version(JournalEntryView v, String author, String correctedBy, String happenedLocal) {
  }

  /** An entry: its current version and the versions it corrected, newest first. */
  record Thread(Version current, List<Version> earlier) {
  }

  private JournalThreads() {
  }

  static List<Thread> of(List<JournalEntryView> versions, Function<String, String> person, ZoneId zone) {
    List<Thread> threads = new ArrayList<>();
    Version current = null;
    List<Version> earlier = new ArrayList<>();
    for (JournalEntryView v : versions) {
      Version shown = new Version(v, person.apply(v.author()),
          v.correctedByUser() == null ? null : person.apply(v.correctedByUser()),
          LocalDateTime.ofInstant(v.happenedAt(), zone).format(CasePageModel.LOCAL_MINUTES));
      if (current != null && current.v().entryId() == v.entryId()) {
        earlier.add(shown);
      } else {
        if (current != null) {
          threads.add(new Thread(current, List.copyOf(earlier)));
        }
        current = shown;
        earlier.clear();
      }
    }
    if (current != null) {
      threads.add(new Thread(current, List.copyOf(earlier)));
    }
    return threads;
  }
}
