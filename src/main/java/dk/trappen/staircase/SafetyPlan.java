package dk.trappen.staircase;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * A safety plan (sikkerhedsplan) agreed as part of an intervention: what the signs of danger are, what each adult
 * does, whom the child calls. One per intervention; agreed anew, it is replaced in place and keeps its reviews.
 */
@Entity
@Table(name = "safety_plan")
@Getter
@Setter
class SafetyPlan {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long interventionId;
  private Long caseId;
  private String content;
  private String agreedWith;
  private Instant agreedAt;
  private String agreedBy;
}
