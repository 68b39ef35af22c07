package dk.trappen.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/** The assessment, before the 18th birthday, of whether the youth gets aftercare (efterværn). */
@Entity
@Table(name = "aftercare_assessment")
@Getter
@Setter
public class AftercareAssessment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private boolean granted;
  private String note;
  private Instant assessedAt;
  private String assessedBy;
}
