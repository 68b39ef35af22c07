package dk.trappen.meetings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkMeetingRepository extends JpaRepository<NetworkMeeting, Long> {
  List<NetworkMeeting> findByCaseIdOrderByHeldAtAscIdAsc(Long caseId);
}
