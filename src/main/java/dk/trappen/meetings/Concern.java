package dk.trappen.meetings;

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

/** A new concern raised on an open case while interventions run, and the meeting's response to it. */
@Entity
@Table(name = "concern")
@Getter
@Setter
public class Concern {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  @Enumerated(EnumType.STRING)
  private ConcernSource raisedBy;
  private String description;
  private Instant raisedAt;
  private Instant respondedAt;
  private String response;
  private String respondedBy;
  private String registeredBy;
}
