package dk.trappen.tasks;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskFilterRepository extends JpaRepository<TaskFilter, Long> {

  List<TaskFilter> findByUsernameOrderByNameKeyAscIdAsc(String username);

  Optional<TaskFilter> findByIdAndUsername(Long id, String username);

  boolean existsByUsernameAndNameKey(String username, String nameKey);

  long countByUsername(String username);
}
