package dk.trappen.intake;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {
  @CachedQueryPlan
  Optional<Notification> findByIdempotencyKey(String key);

  @CachedQueryPlan
  Optional<Notification> findByPayloadHash(String hash);

  @CachedQueryPlan
  List<Notification> findByCaseIdOrderByReceivedAtAsc(Long caseId);
}
