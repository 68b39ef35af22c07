package dk.trappen.deadlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/** A row of the deadline register: one deadline of one case, opened when the task it guards starts. */
@Entity
@Table(name = "deadline")
@Getter
@Setter
public class Deadline {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long caseId;
  private String caseNumber;
  private String teamCode;

  @Enumerated(EnumType.STRING)
  private DeadlineKind kind;

  private String processInstanceId;
  private String executionId;
  private String activityId;
  private Instant anchorAt;
  private Instant dueAt;
  private Instant atRiskFrom;

  @Column(name = "rule_text")
  private String ruleText;

  private String basis;
  private Instant createdAt;
  /** When the deadline was met: when the work was done (a meeting's held time), which may precede its recording. */
  private Instant metAt;
  /** When the work that met the deadline was recorded in Trappen. */
  private Instant metRecordedAt;
  private String metBy;
  private Instant missedAt;
  private Instant escalatedAt;
  private Instant cancelledAt;
  /** When the deadline, escalated to the team leader and still not met, escalates to the head (second tier). */
  private Instant headDueAt;
  /** When it escalated to the head; set once, by the run that wrote the head's notice. */
  private Instant headEscalatedAt;
  /**
   * The due time the rules computed when the deadline opened: it never changes. {@link #dueAt} is the current due
   * time, moved by approved extensions and pauses ({@link DeadlineExtensions}).
   */
  private Instant legalDueAt;
  /** While the deadline is paused (its clock stopped): when the pause began; null while it runs. */
  private Instant pausedAt;

  /** A new row's legal due time is the due time it opens with. */
  @PrePersist
  void legalDueAtFromDueAt() {
    if (legalDueAt == null) {
      legalDueAt = dueAt;
    }
  }

  /** The state at {@code now}, compared in whole seconds ({@link DueTime}): due at 23:59:59, overdue from midnight. */
  public DeadlineState state(Instant now) {
    if (cancelledAt != null) {
      return DeadlineState.CANCELLED;
    }
    if (metAt != null) {
      return DueTime.passed(dueAt, metAt) ? DeadlineState.MET_LATE : DeadlineState.MET;
    }
    if (pausedAt != null) {
      return DeadlineState.PAUSED;
    }
    if (DueTime.passed(dueAt, now)) {
      return DeadlineState.OVERDUE;
    }
    return DueTime.secondOf(now).isBefore(atRiskFrom) ? DeadlineState.OPEN : DeadlineState.AT_RISK;
  }
}
