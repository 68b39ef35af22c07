package dk.trappen.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {
  Optional<StaffUser> findByUsername(String username);

  List<StaffUser> findByTeamCodeAndRoleOrderByUsername(String teamCode, Role role);
}
