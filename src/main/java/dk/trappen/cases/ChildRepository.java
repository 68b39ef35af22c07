package dk.trappen.cases;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildRepository extends JpaRepository<Child, Long> {
  Optional<Child> findByCpr(String cpr);
}
