package dk.trappen.org;

import dk.trappen.common.CachedQueryPlan;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {
  @CachedQueryPlan
  Optional<Team> findByCode(String code);
}
