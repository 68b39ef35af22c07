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

/** A person linked to a case with a role. The address of a protected party is stored and never shown. */
@Entity
@Table(name = "case_party")
@Getter
@Setter
class Party {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private PartyRole role;
  private String name;
  private boolean custody;
  private String cpr;
  private String address;
  private String phone;
  private String email;
  private boolean protectedAddress;
  private Instant createdAt;
  private String createdBy;

  @Override
  public String toString() {
    // never the CPR number or the address in a log line
    return "Party " + id + " (" + role + ") of case " + caseNumber;
  }
}
