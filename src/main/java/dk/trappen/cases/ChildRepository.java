package dk.trappen.cases;

import dk.trappen.common.CachedQueryPlan;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildRepository extends JpaRepository<Child, Long> {
  @CachedQueryPlan
  Optional<Child> findByCpr(String cpr);
}
