package dk.trappen.org;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {
  Optional<Team> findByCode(String code);
}
