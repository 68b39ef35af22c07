package dk.trappen.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {
  Optional<Notification> findByIdempotencyKey(String key);

  Optional<Notification> findByPayloadHash(String hash);

  List<Notification> findByCaseIdOrderByReceivedAtAsc(Long caseId);
}
