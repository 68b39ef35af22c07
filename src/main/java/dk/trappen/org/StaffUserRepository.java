package dk.trappen.org;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {
  @CachedQueryPlan
  Optional<StaffUser> findByUsername(String username);

  @CachedQueryPlan
  List<StaffUser> findByTeamCodeAndRoleOrderByUsername(String teamCode, Role role);

  boolean existsByRole(Role role);

  long countByRoleAndActiveTrue(Role role);

  long countByTeamCodeAndActiveTrue(String teamCode);

  List<StaffUser> findByTeamCodeAndActiveFalseOrderByUsername(String teamCode);
}
