package dk.trappen.org;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {
  @CachedQueryPlan
  Optional<StaffUser> findByUsername(String username);

  /** The users of a role who belong to the team, by username. */
  @Query("""
      select distinct u from StaffUser u join u.teams t
      where t = :teamCode and u.role = :role
      order by u.username""")
  List<StaffUser> findInTeamWithRole(String teamCode, Role role);

  boolean existsByRole(Role role);

  List<StaffUser> findByRoleAndActiveTrueOrderByUsername(Role role);

  long countByRoleAndActiveTrue(Role role);

  @Query("select count(distinct u) from StaffUser u join u.teams t where t = :teamCode and u.active = true")
  long countActiveInTeam(String teamCode);

  @Query("""
      select distinct u from StaffUser u join u.teams t
      where t = :teamCode and u.active = false
      order by u.username""")
  List<StaffUser> findInactiveInTeam(String teamCode);
}
