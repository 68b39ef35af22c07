package dk.trappen.meetings;

import java.time.Instant;
import java.util.List;

/** A network meeting as other features and the API see it. */
public record MeetingView(long id, long caseId, Instant heldAt, List<ParticipantView> participants,
                          List<GoalProgressView> goalProgress, int youthSatisfaction, String youthVoice,
                          MeetingDecision decision, String decisionNote, Long interventionId,
                          MeetingClosureReason closureReason, String recordedBy) {

  public record ParticipantView(ParticipantRole role, String name) {
  }

  public record GoalProgressView(long goalId, int progress, String comment) {
  }

  static MeetingView of(NetworkMeeting m) {
    return new MeetingView(m.getId(), m.getCaseId(), m.getHeldAt(),
        m.getParticipants().stream().map(p -> new ParticipantView(p.getRole(), p.getName())).toList(),
        m.getGoalProgress().stream().map(g -> new GoalProgressView(g.getGoalId(), g.getProgress(), g.getComment()))
            .toList(),
        m.getYouthSatisfaction(), m.getYouthVoice(), m.getDecision(), m.getDecisionNote(), m.getInterventionId(),
        m.getClosureReason(), m.getRecordedBy());
  }
}
