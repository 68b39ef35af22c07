package dk.trappen.deadlines;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * One change of a deadline's due time (table {@code deadline_change}): who asked, when and why; the type; the due time
 * before and after (after is null for a pause, whose end is not known yet); and who decided, when, with what note.
 * Rows are never deleted: they are the deadline's history.
 */
@Entity
@Table(name = "deadline_change")
@Getter
@Setter
public class DeadlineChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long deadlineId;
  private Long caseId;
  private String caseNumber;
  private String teamCode;

  @Enumerated(EnumType.STRING)
  private DeadlineKind kind;

  @Enumerated(EnumType.STRING)
  private DeadlineChangeType type;

  @Enumerated(EnumType.STRING)
  private DeadlineChangeState state;

  private String reason;
  private Instant oldDueAt;
  private Instant newDueAt;
  private String requestedBy;
  private Instant requestedAt;
  private String decidedBy;
  private Instant decidedAt;
  private String decisionNote;
  /** The deadline's id while REQUESTED, null once decided: unique, so one request at most waits per deadline. */
  private Long pendingFor;
}
