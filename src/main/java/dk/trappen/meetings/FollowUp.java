package dk.trappen.meetings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/** A legal follow-up (§ 95) of whether the interventions work; the first decides the interval of the later ones. */
@Entity
@Table(name = "follow_up")
@Getter
@Setter
public class FollowUp {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  /** 1 for the case's first follow-up, then 2, 3… */
  private int ordinal;
  private Instant heldAt;
  private boolean effective;
  private String conclusion;
  /** ISO-8601 period until the next follow-up (P6M). */
  private String nextInterval;
  private String recordedBy;
}
