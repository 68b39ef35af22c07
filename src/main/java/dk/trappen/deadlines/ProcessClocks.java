package dk.trappen.deadlines;

import static dk.trappen.common.ProcessVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where each deadline's clock starts: the anchor (named after the process variable it is read from, see
 * {@link DeadlineAnchors}) that each kind runs from.
 *
 * <table>
 *   <tr><th>kind</th><th>anchor</th></tr>
 *   <tr><td>acute assessment, re-assessment, acknowledgement</td><td>{@code receivedAt}</td></tr>
 *   <tr><td>investigation</td><td>{@code awareAt}: when the municipality became aware</td></tr>
 *   <tr><td>interim assessment</td><td>{@code awareAt}, by the investigation's rule ({@code due-with:
 *       investigation}): due exactly when the investigation is. Its task opens when the investigation turns at risk
 *       (the investigation's due time less its at-risk window, {@link DeadlineRegister#atRiskAt})</td></tr>
 *   <tr><td>action plan</td><td>{@code interventionDecidedAt}</td></tr>
 *   <tr><td>placement approval</td><td>{@code interventionDecidedAt}: set when the caseworker chooses the step, i.e.
 *       when the placement is proposed; a refused placement chosen again starts a new clock</td></tr>
 *   <tr><td>first follow-up</td><td>{@code firstInterventionStartedAt} (for an emergency step: its start, so the
 *       follow-up falls no later than the period after the emergency measure began)</td></tr>
 *   <tr><td>later follow-ups</td><td>{@code lastFollowUpAt}, with the interval {@code followUpInterval} decided at the
 *       first follow-up</td></tr>
 *   <tr><td>network meeting</td><td>{@code lastMeetingAt}, else {@code firstInterventionStartedAt}</td></tr>
 *   <tr><td>concern response</td><td>{@code concernRaisedAt}</td></tr>
 *   <tr><td>youth plan, aftercare</td><td>{@code childBirthDate}</td></tr>
 *   <tr><td>planned-end review</td><td>{@code reviewedPlannedEnd}: the planned end of the intervention under review
 *       (a date; due by the end of that day)</td></tr>
 * </table>
 */
final class ProcessClocks {

  private ProcessClocks() {
  }

  /** A follow-up before any follow-up was held is the first follow-up. */
  static DeadlineKind effectiveKind(DeadlineKind requested, DeadlineAnchors anchors) {
    if (requested == DeadlineKind.FOLLOW_UP && anchors.lastFollowUpAt() == null) {
      return DeadlineKind.FIRST_FOLLOW_UP;
    }
    return requested;
  }

  static List<DeadlineKind> kindsFor(DeadlineKind requested) {
    return requested == DeadlineKind.FOLLOW_UP ? List.of(DeadlineKind.FIRST_FOLLOW_UP, DeadlineKind.FOLLOW_UP)
        : List.of(requested);
  }

  static LocalDate birthDate(DeadlineAnchors anchors) {
    if (anchors.childBirthDate() == null) {
      throw new IllegalStateException("process variable " + CHILD_BIRTH_DATE + " is missing");
    }
    return anchors.childBirthDate();
  }

  static DeadlineRules.Computed compute(DeadlineKind kind, DeadlineAnchors a, DeadlineRules rules) {
    return switch (kind) {
      case YOUTH_PLAN, AFTERCARE -> rules.computeForBirthDate(kind, birthDate(a));
      case ACUTE_ASSESSMENT, REASSESSMENT, ACKNOWLEDGEMENT ->
          rules.compute(kind, required(a.receivedAt(), RECEIVED_AT), null);
      case INVESTIGATION, INTERIM_ASSESSMENT -> rules.compute(kind, required(a.awareAt(), AWARE_AT), null);
      case ACTION_PLAN, PLACEMENT_APPROVAL ->
          rules.compute(kind, required(a.interventionDecidedAt(), INTERVENTION_DECIDED_AT), null);
      case FIRST_FOLLOW_UP ->
          rules.compute(kind, required(a.firstInterventionStartedAt(), FIRST_INTERVENTION_STARTED_AT), null);
      case FOLLOW_UP -> rules.compute(kind, required(a.lastFollowUpAt(), LAST_FOLLOW_UP_AT), a.followUpInterval());
      case NETWORK_MEETING -> rules.compute(kind, a.lastMeetingAt() != null ? a.lastMeetingAt()
          : required(a.firstInterventionStartedAt(), FIRST_INTERVENTION_STARTED_AT), null);
      case CONCERN_RESPONSE -> rules.compute(kind, required(a.concernRaisedAt(), CONCERN_RAISED_AT), null);
      case PLANNED_END_REVIEW -> {
        if (a.plannedEnd() == null) {
          throw new IllegalStateException("process variable " + REVIEWED_PLANNED_END + " is missing");
        }
        yield rules.computeForPlannedEnd(kind, a.plannedEnd());
      }
    };
  }

  private static Instant required(Instant anchor, String name) {
    if (anchor == null) {
      throw new IllegalStateException("process variable " + name + " is missing or not a date: null");
    }
    return anchor;
  }
}
