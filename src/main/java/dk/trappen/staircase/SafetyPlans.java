package dk.trappen.staircase;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety plans (sikkerhedsplaner) of the interventions, with plain values: agreed (or agreed anew, replacing the
 * plan in place with its reviews kept) for a running intervention of the case, and reviewed at the network meetings
 * in the meeting's transaction. Every problem at once; a refusal stores nothing.
 */
@Service
@Transactional(readOnly = true)
public class SafetyPlans {

  static final int MAX_CONTENT = 10_000;
  static final int MAX_AGREED_WITH = 1000;
  static final int MAX_NOTE = 4000;

  private final SafetyPlanRepository plans;
  private final SafetyPlanReviewRepository reviews;
  private final InterventionRepository interventions;
  private final Clock clock;

  SafetyPlans(SafetyPlanRepository plans, SafetyPlanReviewRepository reviews, InterventionRepository interventions,
      Clock clock) {
    this.plans = plans;
    this.reviews = reviews;
    this.interventions = interventions;
    this.clock = clock;
  }

  /**
   * Agrees the safety plan of a running intervention of the case, now; agreed again, the plan's content, with whom,
   * when and by whom are replaced in place and its reviews stay. Refused with every problem at once (nothing stored):
   * content and agreedWith required and not too long, the intervention on the case and running.
   */
  @Transactional
  public SafetyPlanView agree(long caseId, long interventionId, NewSafetyPlan plan, String by) {
    List<Problem> problems = problems(caseId, interventionId, plan);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    SafetyPlan p = plans.findByInterventionId(interventionId).orElseGet(SafetyPlan::new);
    p.setInterventionId(interventionId);
    p.setCaseId(caseId);
    p.setContent(plan.content().strip());
    p.setAgreedWith(plan.agreedWith().strip());
    p.setAgreedAt(clock.instant());
    p.setAgreedBy(by);
    return view(plans.save(p));
  }

  /** Every problem with agreeing {@code plan} for the intervention of the case; empty if it may be agreed. */
  public List<Problem> problems(long caseId, long interventionId, NewSafetyPlan plan) {
    List<Problem> problems = new ArrayList<>();
    String content = plan == null ? null : plan.content();
    String agreedWith = plan == null ? null : plan.agreedWith();
    if (content == null || content.isBlank()) {
      problems.add(Problem.of("content", "problem.safetyPlan.content.required"));
    } else if (content.strip().length() > MAX_CONTENT) {
      problems.add(Problem.of("content", "problem.tooLong", MAX_CONTENT));
    }
    if (agreedWith == null || agreedWith.isBlank()) {
      problems.add(Problem.of("agreedWith", "problem.safetyPlan.agreedWith.required"));
    } else if (agreedWith.strip().length() > MAX_AGREED_WITH) {
      problems.add(Problem.of("agreedWith", "problem.tooLong", MAX_AGREED_WITH));
    }
    Optional<Intervention> intervention = interventions.findById(interventionId)
        .filter(i -> i.getCaseId() != null && i.getCaseId() == caseId);
    if (intervention.isEmpty()) {
      problems.add(Problem.of("interventionId", "problem.safetyPlan.intervention.notOnCase", interventionId));
    } else if (intervention.get().getStatus() != InterventionStatus.RUNNING) {
      problems.add(Problem.of("interventionId", "problem.safetyPlan.intervention.notActive", interventionId,
          intervention.get().getStatus()));
    }
    return problems;
  }

  /**
   * Records a network meeting's review of a safety plan (in the meeting's transaction). The caller has checked that
   * the plan is the case's ({@link #planIds}) and the note's length.
   */
  @Transactional
  public SafetyPlanView.Review review(long safetyPlanId, long meetingId, boolean holds, String note, Instant at,
      String by) {
    if (!plans.existsById(safetyPlanId)) {
      throw new NotFoundException("no safety plan with id " + safetyPlanId);
    }
    SafetyPlanReview r = new SafetyPlanReview();
    r.setSafetyPlanId(safetyPlanId);
    r.setMeetingId(meetingId);
    r.setHolds(holds);
    r.setNote(note == null || note.isBlank() ? null : note.strip());
    r.setReviewedAt(at);
    r.setReviewedBy(by);
    return review(reviews.save(r));
  }

  /** The ids of the case's safety plans. */
  public Set<Long> planIds(long caseId) {
    return plans.findByCaseIdOrderByIdAsc(caseId).stream().map(SafetyPlan::getId).collect(Collectors.toSet());
  }

  /** The case's safety plans with their reviews, in the order agreed first. */
  public List<SafetyPlanView> ofCase(long caseId) {
    List<SafetyPlan> found = plans.findByCaseIdOrderByIdAsc(caseId);
    if (found.isEmpty()) {
      return List.of();
    }
    Map<Long, List<SafetyPlanView.Review>> byPlan = new LinkedHashMap<>();
    reviews.findBySafetyPlanIdInOrderByReviewedAtDescIdDesc(found.stream().map(SafetyPlan::getId).toList())
        .forEach(r -> byPlan.computeIfAbsent(r.getSafetyPlanId(), k -> new ArrayList<>()).add(review(r)));
    return found.stream().map(p -> view(p, byPlan.getOrDefault(p.getId(), List.of()))).toList();
  }

  /** The safety plans of the case's running interventions (those a network meeting reviews). */
  public List<SafetyPlanView> ofRunning(long caseId) {
    Set<Long> running = interventions.findByCaseIdAndStatusOrderByIdAsc(caseId, InterventionStatus.RUNNING).stream()
        .map(Intervention::getId).collect(Collectors.toSet());
    return ofCase(caseId).stream().filter(p -> running.contains(p.interventionId())).toList();
  }

  private SafetyPlanView view(SafetyPlan p) {
    List<SafetyPlanView.Review> of = reviews.findBySafetyPlanIdInOrderByReviewedAtDescIdDesc(List.of(p.getId()))
        .stream().map(SafetyPlans::review).toList();
    return view(p, of);
  }

  private static SafetyPlanView view(SafetyPlan p, List<SafetyPlanView.Review> reviews) {
    return new SafetyPlanView(p.getId(), p.getInterventionId(), p.getCaseId(), p.getContent(), p.getAgreedWith(),
        p.getAgreedAt(), p.getAgreedBy(), List.copyOf(reviews));
  }

  private static SafetyPlanView.Review review(SafetyPlanReview r) {
    return new SafetyPlanView.Review(r.getId(), r.getMeetingId(), r.isHolds(), r.getNote(), r.getReviewedAt(),
        r.getReviewedBy());
  }
}
