package dk.trappen.meetings;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.Setter;

/** How far a goal of the case's plan has come, as rated at a network meeting (0 = not started, 10 = reached). */
@Entity
@Table(name = "goal_progress")
@Getter
@Setter
public class GoalProgress {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  private NetworkMeeting meeting;
  /** A goal of the plan feature's current plan (dk.trappen.plan). */
  private Long goalId;
  private int progress;
  private String comment;
}
