package dk.trappen.outcomes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * One indicator's answer about a youth, recorded at a network meeting or (exclusively) a follow-up; the step is the
 * case's active intervention's when recorded (null: none).
 */
@Entity
@Table(name = "outcome_record")
@Getter
@Setter
class OutcomeRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Long meetingId;
  private Long followUpId;
  private String indicatorKey;
  private boolean achieved;
  private String stepKey;
  private Instant recordedAt;
  private String recordedBy;
}
