package dk.trappen.staircase;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;

/**
 * One intervention: a measure on one step of the staircase for one case, with a planned end and a planned next step
 * down from day one. The step's key, name and position are copied at decision time, so the history stays readable
 * when the configured staircase changes.
 */
@Entity
@Table(name = "intervention")
@Getter
@Setter
public class Intervention {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String stepKey;
  private String stepName;
  private int stepPosition;
  private boolean placement;
  private String description;
  @Enumerated(EnumType.STRING)
  private InterventionStatus status;
  private boolean emergency;
  private String recommendedStepKey;
  private String justification;
  private Instant decidedAt;
  private String decidedBy;
  private Instant approvedAt;
  private String approvedBy;
  private Instant rejectedAt;
  private String rejectedBy;
  private String approvalNote;
  /** Why the step was chosen without a conversation with the child on the case; null when one was held. */
  private String childNotHeardReason;
  /** Why the placement was approved without a conversation with the child on the case; null when one was held. */
  private String approvalChildNotHeardReason;
  private Instant startedAt;
  private LocalDate plannedEnd;
  private String nextStepDownKey;
  private Instant endedAt;
  @Enumerated(EnumType.STRING)
  private InterventionEndReason endReason;
  private Long replacesId;
}
