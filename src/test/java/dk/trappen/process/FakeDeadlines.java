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
 * Stands in for the deadline glue ({@code deadlines}) in the engine-only process tests. The input mapping of a guarded
 * task asks for the due time ({@code dueDate}; Camunda evaluates it in the enclosing scope): the engine clock at that moment
 * plus a per-kind offset. The task's start listener then opens the deadline ({@code open}) on the task's own
 * execution; the fake records the due time in that execution's local {@code deadlineDue} as handed out, and fails
 * when it is not the one just computed for that kind, so a task that does not open its deadline, or opens it with
 * another due time than its timer and due date read, cannot pass. The interim assessment is due with the
 * investigation (the last investigation due time handed out), and a deadline's at-risk time ({@code atRiskDate}) is
 * its due time less a per-kind window. Records escalations and the age-clock calls.
 */
public class FakeDeadlines {

  private static final Map<String, Duration> OFFSETS = Map.ofEntries(
      Map.entry("ACUTE_ASSESSMENT", Duration.ofHours(24)),
      Map.entry("REASSESSMENT", Duration.ofHours(24)),
      Map.entry("ACKNOWLEDGEMENT", Duration.ofDays(8)),
      Map.entry("INVESTIGATION", Duration.ofDays(120)),
      Map.entry("ACTION_PLAN", Duration.ofDays(90)),
      Map.entry("FOLLOW_UP", Duration.ofDays(91)),
      Map.entry("NETWORK_MEETING", Duration.ofDays(56)),
      Map.entry("CONCERN_RESPONSE", Duration.ofDays(3)),
      Map.entry("YOUTH_PLAN", Duration.ofDays(30)),
      Map.entry("AFTERCARE", Duration.ofDays(60)),
      Map.entry("PLACEMENT_APPROVAL", Duration.ofDays(2)));

  /** The at-risk windows: the investigation's at-risk time opens the interim assessment. */
  static final Map<String, Duration> AT_RISK = Map.of("INVESTIGATION", Duration.ofDays(14));

  private final Map<String, Date> dues = new LinkedHashMap<>();
  private final Map<String, List<Date>> duesByKind = new HashMap<>();
  private final Map<String, List<Date>> atRisks = new HashMap<>();
  private final List<String> escalated = new ArrayList<>();
  private final Map<String, Boolean> ahead = new HashMap<>();
  private final Map<String, Date> opens = new HashMap<>();
  private final List<Integer> birthdaysAsked = new ArrayList<>();
  private Date eighteenthBirthday;

  public Date dueDate(DelegateExecution execution, String kind) {
    if (kind.equals("INTERIM_ASSESSMENT")) {
      List<Date> investigation = duesOf("INVESTIGATION");
      if (investigation.isEmpty()) {
        throw new IllegalStateException("an interim assessment without an investigation deadline");
      }
      Date due = investigation.get(investigation.size() - 1);
      dues.put(kind, due);
      return due;
    }
    if (kind.equals("PLANNED_END_REVIEW")) {
      Date due = plannedEndReviewDue(execution);
      dues.put(kind, due);
      return due;
    }
    Duration offset = OFFSETS.get(kind);
    if (offset == null) {
      throw new IllegalArgumentException("unknown deadline kind " + kind);
    }
    Date due = new Date(ClockUtil.getCurrentTime().getTime() + offset.toMillis());
    dues.put(kind, due);
    return due;
  }

  public Date atRiskDate(DelegateExecution execution, String kind) {
    Duration offset = OFFSETS.get(kind);
    Duration window = AT_RISK.get(kind);
    if (offset == null || window == null) {
      throw new IllegalArgumentException("no at-risk window for deadline kind " + kind);
    }
    Date atRisk = new Date(ClockUtil.getCurrentTime().getTime() + offset.minus(window).toMillis());
    atRisks.computeIfAbsent(kind, k -> new ArrayList<>()).add(atRisk);
    return atRisk;
  }

  public void open(DelegateExecution execution, String kind) {
    Date computed = dues.remove(kind);
    Object due = execution.getVariableLocal("deadlineDue");
    if (computed == null || !computed.equals(due)) {
      throw new AssertionError(kind + " opened on execution " + execution.getId() + " with deadlineDue " + due
          + ", computed " + computed);
    }
    duesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(computed);
  }

  public Date opens(DelegateExecution execution, String kind) {
    if (kind.equals("PLANNED_END_REVIEW")) {
      opensAsked.add(plannedEnd(execution));
      return plannedEndReviewOpens(plannedEnd(execution));
    }
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

  /**
   * The review before an intervention's planned end (read from {@code reviewedPlannedEnd}, as the real glue does): due
   * by the end of the planned-end day, opening {@link #PLANNED_END_LEAD} before, at the start of that day (UTC here).
   */
  static final java.time.Period PLANNED_END_LEAD = java.time.Period.ofMonths(1);

  private final List<java.time.LocalDate> opensAsked = new ArrayList<>();

  private static java.time.LocalDate plannedEnd(DelegateExecution execution) {
    Object value = execution.getVariable("reviewedPlannedEnd");
    if (value == null) {
      throw new IllegalStateException("process variable reviewedPlannedEnd is missing");
    }
    return java.time.LocalDate.parse(value.toString());
  }

  static Date plannedEndReviewOpens(java.time.LocalDate plannedEnd) {
    return Date.from(plannedEnd.minus(PLANNED_END_LEAD).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  static Date plannedEndReviewDue(java.time.LocalDate plannedEnd) {
    return Date.from(plannedEnd.atTime(23, 59, 59).toInstant(java.time.ZoneOffset.UTC));
  }

  private static Date plannedEndReviewDue(DelegateExecution execution) {
    return plannedEndReviewDue(plannedEnd(execution));
  }

  /** The planned ends a review's opening was computed from, in order. */
  public List<java.time.LocalDate> plannedEndReviewsScheduled() {
    return opensAsked;
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

  /** The due times of the deadlines of {@code kind} opened, in order. */
  public List<Date> duesOf(String kind) {
    return duesByKind.getOrDefault(kind, List.of());
  }

  /** The due time of the single deadline of {@code kind} opened. */
  public Date dueOf(String kind) {
    List<Date> list = duesOf(kind);
    if (list.size() != 1) {
      throw new AssertionError("expected one " + kind + " deadline, got " + list);
    }
    return list.get(0);
  }

  /** The at-risk times of {@code kind} handed out, in order. */
  public List<Date> atRisksOf(String kind) {
    return atRisks.getOrDefault(kind, List.of());
  }

  public List<String> escalated() {
    return escalated;
  }

  public List<Integer> birthdaysAsked() {
    return birthdaysAsked;
  }
}
