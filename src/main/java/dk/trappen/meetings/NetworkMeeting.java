package dk.trappen.meetings;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A network meeting of the youth, the family, the private network and the professionals. */
@Entity
@Table(name = "network_meeting")
@Getter
@Setter
public class NetworkMeeting {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Instant heldAt;
  private int youthSatisfaction;
  private String youthVoice;
  @Enumerated(EnumType.STRING)
  private MeetingDecision decision;
  private String decisionNote;
  /** The intervention the decision is about (the one changing step), if any. */
  private Long interventionId;
  @Enumerated(EnumType.STRING)
  private MeetingClosureReason closureReason;
  private String recordedBy;
  @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<MeetingParticipant> participants = new ArrayList<>();
  @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<GoalProgress> goalProgress = new ArrayList<>();
}
