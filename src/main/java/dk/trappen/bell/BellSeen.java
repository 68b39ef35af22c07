package dk.trappen.bell;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** Up to when a staff member has seen their bell. Changed only by {@link BellSeenRepository#advance}. */
@Entity
@Table(name = "bell_seen")
@Getter
@NoArgsConstructor
class BellSeen {

  @Id
  private String username;
  private Instant seenUntil;

  BellSeen(String username, Instant seenUntil) {
    this.username = username;
    this.seenUntil = seenUntil;
  }
}
