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
 * One review of an intervention before its planned end ("Forbered nedtrapning"): the outcome, why, the planned end it
 * was made against and, for an extension, the new planned end. An intervention extended and reviewed again has a row
 * for each review.
 */
@Entity
@Table(name = "intervention_review")
@Getter
@Setter
class InterventionReview {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long interventionId;
  private Long caseId;
  @Enumerated(EnumType.STRING)
  private PlannedEndOutcome outcome;
  private String reason;
  private LocalDate plannedEndBefore;
  private LocalDate newPlannedEnd;
  private String stepDownKey;
  private Instant reviewedAt;
  private String reviewedBy;
}
