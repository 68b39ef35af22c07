package dk.trappen.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.SortNatural;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

@Entity
@Table(name = "staff_user")
@Getter
@Setter
@NoArgsConstructor
public class StaffUser {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String username;
  private String displayName;
  @Enumerated(EnumType.STRING)
  private Role role;
  /** The teams the user belongs to: one for a caseworker, one or more for a team leader or head, none otherwise. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "staff_user_team", joinColumns = @JoinColumn(name = "staff_user_id"))
  @Column(name = "team_code")
  @SortNatural
  private SortedSet<String> teams = new TreeSet<>();
  private String passwordHash;
  private boolean demo;
  private String email;
  /** A deactivated user cannot sign in; the row stays for the audit trail and the cases they held. */
  private boolean active = true;
  /** Set for the first administrator and after a reset: every page asks for a new password first. */
  private boolean mustChangePassword;
  /** When an administrator last changed the user (or the user their password). */
  private Instant changedAt;
}
