package dk.trappen.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** One audit row. Immutable: rows are inserted and never changed or deleted by the application. */
@Entity
@Immutable
@Table(name = "audit_entry")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Instant at;
  private String username;
  private String role;
  private Long caseId;
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private AuditAction action;
  private String what;
  private String source;
  /** Why it was refused or failed (a code such as other-team, role, bad-credentials, locked); null otherwise. */
  private String reason;
  /** The team of the refused case, for its team leader's view of the refusals; null otherwise. */
  private String teamCode;

  AuditEntry(Instant at, String username, String role, Long caseId, String caseNumber, AuditAction action, String what,
      String source) {
    this(at, username, role, caseId, caseNumber, action, what, source, null, null);
  }

  AuditEntry(Instant at, String username, String role, Long caseId, String caseNumber, AuditAction action, String what,
      String source, String reason, String teamCode) {
    this.at = at;
    this.username = username;
    this.role = role;
    this.caseId = caseId;
    this.caseNumber = caseNumber;
    this.action = action;
    this.what = what;
    this.source = source;
    this.reason = reason;
    this.teamCode = teamCode;
  }
}
