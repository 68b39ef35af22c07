package dk.trappen.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a case's action plan or youth plan, with its goals and sub-goals in order. */
public record PlanView(long id, long caseId, boolean youthPlan, String youthOwnWords, Instant createdAt,
                       String createdBy, List<GoalView> goals) {

  public record GoalView(long id, int position, String title, String successCriterion, String owner,
                         LocalDate targetDate, boolean youthOwn, List<SubGoalView> subGoals) {
  }

  public record SubGoalView(long id, int position, String title, LocalDate targetDate) {
  }

  static PlanView of(ActionPlan p) {
    return new PlanView(p.getId(), p.getCaseId(), p.isYouthPlan(), p.getYouthOwnWords(), p.getCreatedAt(),
        p.getCreatedBy(), p.getGoals().stream().map(g -> new GoalView(g.getId(), g.getPosition(), g.getTitle(),
            g.getSuccessCriterion(), g.getOwner(), g.getTargetDate(), g.isYouthOwn(),
            g.getSubGoals().stream().map(s -> new SubGoalView(s.getId(), s.getPosition(), s.getTitle(),
                s.getTargetDate())).toList())).toList());
  }
}
