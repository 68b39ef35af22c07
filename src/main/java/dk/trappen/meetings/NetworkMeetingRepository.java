package dk.trappen.meetings;

import dk.trappen.common.CachedQueryPlan;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkMeetingRepository extends JpaRepository<NetworkMeeting, Long> {
  @CachedQueryPlan
  List<NetworkMeeting> findByCaseIdOrderByHeldAtAscIdAsc(Long caseId);
}
