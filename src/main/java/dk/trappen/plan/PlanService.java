package dk.trappen.plan;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plans and youth plans of a case, and its aftercare assessments. Writing a plan adds a new version; the
 * latest version is the current plan, whose goals the network meetings follow up on.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

  private final ActionPlanRepository plans;
  private final AftercareAssessmentRepository aftercare;
  private final Clock clock;

  PlanService(ActionPlanRepository plans, AftercareAssessmentRepository aftercare, Clock clock) {
    this.plans = plans;
    this.aftercare = aftercare;
    this.clock = clock;
  }

  /** The case's current plan (the latest action plan or youth plan), if one was written. */
  public Optional<PlanView> current(long caseId) {
    return plans.findFirstByCaseIdOrderByIdDesc(caseId).map(PlanView::of);
  }

  /** The ids of the goals of the case's current plan (empty without a plan). */
  public Set<Long> currentGoalIds(long caseId) {
    return plans.findFirstByCaseIdOrderByIdDesc(caseId)
        .map(p -> p.getGoals().stream().map(PlanGoal::getId).collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** Every version of the case's plans, oldest first. */
  public List<PlanView> plans(long caseId) {
    return plans.findByCaseIdOrderByIdAsc(caseId).stream().map(PlanView::of).toList();
  }

  /**
   * Writes a new version of the case's plan. A sub-goal must be reached no later than its goal; errors name the
   * field, e.g. {@code goals[0].subGoals[1].targetDate}.
   */
  @Transactional
  public PlanView write(long caseId, boolean youthPlan, PlanInput in, String user) {
    check(in);
    ActionPlan plan = new ActionPlan();
    plan.setCaseId(caseId);
    plan.setYouthPlan(youthPlan);
    plan.setYouthOwnWords(in.youthOwnWords().trim());
    plan.setCreatedAt(clock.instant());
    plan.setCreatedBy(user);
    for (int g = 0; g < in.goals().size(); g++) {
      PlanInput.Goal gi = in.goals().get(g);
      PlanGoal goal = new PlanGoal();
      goal.setPlan(plan);
      goal.setPosition(g + 1);
      goal.setTitle(gi.title().trim());
      goal.setSuccessCriterion(gi.successCriterion().trim());
      goal.setOwner(gi.owner().trim());
      goal.setTargetDate(gi.targetDate());
      goal.setYouthOwn(gi.youthOwn());
      for (int s = 0; s < gi.subGoals().size(); s++) {
        PlanInput.SubGoal si = gi.subGoals().get(s);
        PlanSubGoal sub = new PlanSubGoal();
        sub.setGoal(goal);
        sub.setPosition(s + 1);
        sub.setTitle(si.title().trim());
        sub.setTargetDate(si.targetDate());
        goal.getSubGoals().add(sub);
      }
      plan.getGoals().add(goal);
    }
    return PlanView.of(plans.saveAndFlush(plan));
  }

  static void check(PlanInput in) {
    List<Problem> errors = new ArrayList<>();
    for (int g = 0; g < in.goals().size(); g++) {
      PlanInput.Goal goal = in.goals().get(g);
      for (int s = 0; s < goal.subGoals().size(); s++) {
        PlanInput.SubGoal sub = goal.subGoals().get(s);
        if (goal.targetDate() != null && sub.targetDate() != null && sub.targetDate().isAfter(goal.targetDate())) {
          errors.add(Problem.of("goals[" + g + "].subGoals[" + s + "].targetDate", "problem.plan.subGoalAfterGoal",
              goal.targetDate()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw InvalidInputException.of(errors);
    }
  }

  /** Records whether the youth gets aftercare after 18. */
  @Transactional
  public AftercareView recordAftercare(long caseId, boolean granted, String note, String user) {
    AftercareAssessment a = new AftercareAssessment();
    a.setCaseId(caseId);
    a.setGranted(granted);
    a.setNote(note.trim());
    a.setAssessedAt(clock.instant());
    a.setAssessedBy(user);
    return AftercareView.of(aftercare.save(a));
  }

  /** The case's aftercare assessments, oldest first. */
  public List<AftercareView> aftercare(long caseId) {
    return aftercare.findByCaseIdOrderByIdAsc(caseId).stream().map(AftercareView::of).toList();
  }
}
