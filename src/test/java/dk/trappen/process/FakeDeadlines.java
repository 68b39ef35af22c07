package dk.trappen.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stands in for the deadline register ({@code deadlines}) in the engine-only process tests. A due time is the engine
 * clock at the first call plus a per-kind offset, remembered per execution and kind like the real register, so the
 * boundary timer and the task's due date of one task agree. Records escalations and the age-clock calls.
 */
public class FakeDeadlines {

  private static final Map<String, Duration> OFFSETS = Map.of(
      "ACUTE_ASSESSMENT", Duration.ofHours(24),
      "REASSESSMENT", Duration.ofHours(24),
      "ACKNOWLEDGEMENT", Duration.ofDays(8),
      "INVESTIGATION", Duration.ofDays(120),
      "ACTION_PLAN", Duration.ofDays(90),
      "FOLLOW_UP", Duration.ofDays(91),
      "NETWORK_MEETING", Duration.ofDays(56),
      "CONCERN_RESPONSE", Duration.ofDays(3),
      "YOUTH_PLAN", Duration.ofDays(30),
      "AFTERCARE", Duration.ofDays(60));

  private final Map<String, Date> dues = new LinkedHashMap<>();
  private final Map<String, List<Date>> duesByKind = new HashMap<>();
  private final List<String> escalated = new ArrayList<>();
  private final Map<String, Boolean> ahead = new HashMap<>();
  private final Map<String, Date> opens = new HashMap<>();
  private final List<Integer> birthdaysAsked = new ArrayList<>();
  private Date eighteenthBirthday;

  public Date due(DelegateExecution execution, String kind) {
    Duration offset = OFFSETS.get(kind);
    if (offset == null) {
      throw new IllegalArgumentException("unknown deadline kind " + kind);
    }
    return dues.computeIfAbsent(execution.getId() + "/" + kind, key -> {
      Date due = new Date(ClockUtil.getCurrentTime().getTime() + offset.toMillis());
      duesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(due);
      return due;
    });
  }

  public Date opens(DelegateExecution execution, String kind) {
    Date date = opens.get(kind);
    if (date == null) {
      throw new IllegalStateException("test did not set when the " + kind + " window opens");
    }
    return date;
  }

  public boolean ahead(DelegateExecution execution, String kind) {
    if (!kind.equals("YOUTH_PLAN") && !kind.equals("AFTERCARE")) {
      throw new IllegalArgumentException("no age clock " + kind);
    }
    return ahead.getOrDefault(kind, false);
  }

  public Date birthday(DelegateExecution execution, int years) {
    birthdaysAsked.add(years);
    if (eighteenthBirthday == null) {
      throw new IllegalStateException("test did not set the 18th birthday");
    }
    return eighteenthBirthday;
  }

  public void escalate(DelegateExecution execution, String kind) {
    escalated.add(kind);
  }

  // ---- set up by tests

  /** The age clock of {@code kind} lies ahead and its task window opens at {@code opensAt}. */
  public FakeDeadlines ahead(String kind, Date opensAt) {
    ahead.put(kind, true);
    opens.put(kind, opensAt);
    return this;
  }

  public FakeDeadlines eighteenthBirthday(Date date) {
    this.eighteenthBirthday = date;
    return this;
  }

  // ---- read by tests

  /** The due times handed out for {@code kind}, in order. */
  public List<Date> duesOf(String kind) {
    return duesByKind.getOrDefault(kind, List.of());
  }

  /** The single due time handed out for {@code kind}. */
  public Date dueOf(String kind) {
    List<Date> list = duesOf(kind);
    if (list.size() != 1) {
      throw new AssertionError("expected one " + kind + " deadline, got " + list);
    }
    return list.get(0);
  }

  public List<String> escalated() {
    return escalated;
  }

  public List<Integer> birthdaysAsked() {
    return birthdaysAsked;
  }
}
