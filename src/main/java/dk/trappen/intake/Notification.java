package dk.trappen.intake;

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

@Entity
@Table(name = "notification")
@Getter
@Setter
public class Notification {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String idempotencyKey;
  private String payloadHash;
  @Enumerated(EnumType.STRING)
  private NotifierKind notifierKind;
  private boolean professional;
  private String notifierOrganisation;
  private String notifierName;
  private String concern;
  private Instant receivedAt;
  private Instant registeredAt;
  private String registeredBy;
  private boolean joinedOpenCase;
  @Enumerated(EnumType.STRING)
  private AcuteOutcome acuteOutcome;
  private String acuteNote;
  private String assessedBy;
  private Instant assessedAt;
  private Instant acknowledgedAt;
  private String acknowledgedBy;
}
