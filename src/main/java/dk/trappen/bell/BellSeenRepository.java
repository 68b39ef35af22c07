package dk.trappen.bell;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The seen markers: a primary-key read, and a conditional update that never moves a marker back. */
interface BellSeenRepository extends JpaRepository<BellSeen, String> {

  @Query("select s.seenUntil from BellSeen s where s.username = :username")
  Optional<Instant> seenUntil(String username);

  /** Moves the user's marker forward to {@code upTo}; 0 if they have none or it is there already. */
  @Modifying
  @Query("update BellSeen s set s.seenUntil = :upTo where s.username = :username and s.seenUntil < :upTo")
  int advance(String username, Instant upTo);
}
