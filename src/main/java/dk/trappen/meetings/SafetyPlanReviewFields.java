package dk.trappen.meetings;

import dk.trappen.common.Problem;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.SafetyPlanView;
import dk.trappen.staircase.SafetyPlans;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.StepLabels;
import dk.trappen.tasks.FormContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The safety plans as the network meeting reviews them: the check that each plan reviewed is the case's, once; the
 * recording of the reviews through {@link SafetyPlans}; and the form's fieldset per plan of a running intervention.
 */
@Component
class SafetyPlanReviewFields {

  /** A safety plan the meeting reviews, with the intervention it belongs to in the reader's language. */
  record Row(SafetyPlanView plan, String intervention) {
  }

  private final SafetyPlans safetyPlans;
  private final StaircaseService staircase;
  private final StepLabels labels;

  SafetyPlanReviewFields(SafetyPlans safetyPlans, StaircaseService staircase, StepLabels labels) {
    this.safetyPlans = safetyPlans;
    this.staircase = staircase;
    this.labels = labels;
  }

  /** Every review of a plan that is not the case's, or of a plan reviewed twice. */
  List<Problem> problems(long caseId, List<NetworkMeetingInput.SafetyPlanReview> reviews) {
    if (reviews.isEmpty()) {
      return List.of();
    }
    List<Problem> errors = new java.util.ArrayList<>();
    Set<Long> ofCase = safetyPlans.planIds(caseId);
    Map<Long, Integer> seen = new HashMap<>();
    for (int i = 0; i < reviews.size(); i++) {
      Long planId = reviews.get(i) == null ? null : reviews.get(i).safetyPlanId();
      if (planId == null) {
        continue;
      }
      String field = "safetyPlanReviews[" + i + "].safetyPlanId";
      if (!ofCase.contains(planId)) {
        errors.add(Problem.of(field, "problem.meeting.safetyPlan.notOnCase", planId));
      } else if (seen.putIfAbsent(planId, i) != null) {
        errors.add(Problem.of(field, "problem.meeting.safetyPlan.reviewedTwice", planId, seen.get(planId)));
      }
    }
    return errors;
  }

  /** Records the meeting's reviews, in its transaction. */
  void record(long meetingId, List<NetworkMeetingInput.SafetyPlanReview> reviews, Instant heldAt, String user) {
    for (NetworkMeetingInput.SafetyPlanReview r : reviews) {
      safetyPlans.review(r.safetyPlanId(), meetingId, r.holds(), r.note(), heldAt, user);
    }
  }

  /** The form's first reviews: one per plan of a running intervention, unanswered; null when there is none. */
  List<NetworkMeetingInput.SafetyPlanReview> prefill(FormContext form) {
    List<NetworkMeetingInput.SafetyPlanReview> reviews = safetyPlans.ofRunning(form.context().caseId()).stream()
        .map(p -> new NetworkMeetingInput.SafetyPlanReview(p.id(), null, null)).toList();
    return reviews.isEmpty() ? null : reviews;
  }

  /** The safety plans of the case's running interventions, in the order agreed. */
  List<Row> rows(FormContext form) {
    Map<String, String> stepLabels = labels.of(form.locale());
    Map<Long, InterventionView> running = new HashMap<>();
    staircase.running(form.context().caseId()).forEach(i -> running.put(i.id(), i));
    return safetyPlans.ofRunning(form.context().caseId()).stream().map(p -> {
      InterventionView i = running.get(p.interventionId());
      String label = i == null ? String.valueOf(p.interventionId())
          : stepLabels.getOrDefault(i.stepKey(), i.stepKey()) + " – " + i.description();
      return new Row(p, label);
    }).toList();
  }

  /** Each plan's fieldset is named by its intervention in the error summary. */
  Map<String, String> names(FormContext form) {
    Map<String, String> names = new LinkedHashMap<>();
    List<Row> rows = rows(form);
    for (int i = 0; i < rows.size(); i++) {
      names.put("safetyPlanReviews[" + i + "]", rows.get(i).intervention());
    }
    return names;
  }
}
