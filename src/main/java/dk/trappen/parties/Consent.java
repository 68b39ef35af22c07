package dk.trappen.parties;

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

/** One consent record: given or withdrawn, written once and never changed or deleted. */
@Entity
@Table(name = "party_consent")
@Getter
@Setter
class Consent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Long partyId;
  private String purpose;
  @Enumerated(EnumType.STRING)
  private ConsentState state;
  private Instant happenedAt;
  @Enumerated(EnumType.STRING)
  private ConsentDocumentation documentation;
  private String note;
  private Instant recordedAt;
  private String recordedBy;
}
