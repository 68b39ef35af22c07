package dk.trappen.cases;

import dk.trappen.common.CachedQueryPlan;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChildRepository extends JpaRepository<Child, Long> {
  @CachedQueryPlan
  Optional<Child> findByCpr(String cpr);

  /** The child's row, locked until the transaction ends ({@code select ... for update}). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Child c where c.cpr = :cpr")
  Optional<Child> lockByCpr(String cpr);
}
