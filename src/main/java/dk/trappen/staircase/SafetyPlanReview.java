package dk.trappen.staircase;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/** A network meeting's review of a safety plan: whether it holds, and a note. Once per plan and meeting. */
@Entity
@Table(name = "safety_plan_review")
@Getter
@Setter
class SafetyPlanReview {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long safetyPlanId;
  private Long meetingId;
  private boolean holds;
  private String note;
  private Instant reviewedAt;
  private String reviewedBy;
}
