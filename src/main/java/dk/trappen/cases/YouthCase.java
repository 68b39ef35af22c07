package dk.trappen.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/** One youth case: one process instance, whose business key is the case number. */
@Entity
@Table(name = "youth_case")
@Getter
@Setter
public class YouthCase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "child_id")
  private Child child;
  private String teamCode;
  private String caseworker;
  @Enumerated(EnumType.STRING)
  private CaseStatus status;
  private Instant awareAt;
  private Instant openedAt;
  private Instant closedAt;
  @Enumerated(EnumType.STRING)
  private ClosureReason closureReason;
  private String closureNote;
  private String processInstanceId;
}
