package dk.trappen.investigation;

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

/** The child-welfare investigation of a case, with its interim assessment when one was needed. */
@Entity
@Table(name = "investigation")
@Getter
@Setter
public class Investigation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Instant startedAt;
  private Instant finishedAt;
  private String finishedBy;
  @Enumerated(EnumType.STRING)
  private RiskLevel riskLevel;
  private Boolean safeAtHome;
  private Boolean kinOrNetworkPossible;
  @Enumerated(EnumType.STRING)
  private YouthWish youthWish;
  private String findings;
  private String youthPerspective;
  @Enumerated(EnumType.STRING)
  private InvestigationOutcome outcome;
  private String interimAssessment;
  private Instant interimAssessedAt;
  private String interimAssessedBy;
}
