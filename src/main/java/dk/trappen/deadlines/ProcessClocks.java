package dk.trappen.deadlines;

import static dk.trappen.common.ProcessVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Where each deadline's clock starts: the process variable that anchors it.
 *
 * <table>
 *   <tr><th>kind</th><th>anchor</th></tr>
 *   <tr><td>acute assessment, re-assessment, acknowledgement</td><td>{@code receivedAt}</td></tr>
 *   <tr><td>investigation</td><td>{@code awareAt}: when the municipality became aware</td></tr>
 *   <tr><td>action plan</td><td>{@code interventionDecidedAt}</td></tr>
 *   <tr><td>first follow-up</td><td>{@code firstInterventionStartedAt} (for an emergency step: its start, so the
 *       follow-up falls no later than the period after the emergency measure began)</td></tr>
 *   <tr><td>later follow-ups</td><td>{@code lastFollowUpAt}, with the interval {@code followUpInterval} decided at the
 *       first follow-up</td></tr>
 *   <tr><td>network meeting</td><td>{@code lastMeetingAt}, else {@code firstInterventionStartedAt}</td></tr>
 *   <tr><td>concern response</td><td>{@code concernRaisedAt}</td></tr>
 *   <tr><td>youth plan, aftercare</td><td>{@code childBirthDate}</td></tr>
 * </table>
 */
final class ProcessClocks {


  private ProcessClocks() {
  }

  /** A follow-up before any follow-up was held is the first follow-up. */
  static DeadlineKind effectiveKind(DeadlineKind requested, VariableScope scope) {
    if (requested == DeadlineKind.FOLLOW_UP && scope.getVariable(LAST_FOLLOW_UP_AT) == null) {
      return DeadlineKind.FIRST_FOLLOW_UP;
    }
    return requested;
  }

  static List<DeadlineKind> kindsFor(DeadlineKind requested) {
    return requested == DeadlineKind.FOLLOW_UP ? List.of(DeadlineKind.FIRST_FOLLOW_UP, DeadlineKind.FOLLOW_UP)
        : List.of(requested);
  }

  static LocalDate birthDate(VariableScope scope) {
    Object value = scope.getVariable(CHILD_BIRTH_DATE);
    if (value == null) {
      throw new IllegalStateException("process variable " + CHILD_BIRTH_DATE + " is missing");
    }
    return LocalDate.parse(value.toString());
  }

  static DeadlineRules.Computed compute(DeadlineKind kind, VariableScope scope, DeadlineRules rules) {
    return switch (kind) {
      case YOUTH_PLAN, AFTERCARE -> rules.computeForBirthDate(kind, birthDate(scope));
      case ACUTE_ASSESSMENT, REASSESSMENT, ACKNOWLEDGEMENT -> rules.compute(kind, instant(scope, RECEIVED_AT), null);
      case INVESTIGATION -> rules.compute(kind, instant(scope, AWARE_AT), null);
      case ACTION_PLAN -> rules.compute(kind, instant(scope, INTERVENTION_DECIDED_AT), null);
      case FIRST_FOLLOW_UP -> rules.compute(kind, instant(scope, FIRST_INTERVENTION_STARTED_AT), null);
      case FOLLOW_UP -> rules.compute(kind, instant(scope, LAST_FOLLOW_UP_AT),
          scope.getVariable(FOLLOW_UP_INTERVAL) == null ? null
              : Period.parse(scope.getVariable(FOLLOW_UP_INTERVAL).toString()));
      case NETWORK_MEETING -> rules.compute(kind, scope.getVariable(LAST_MEETING_AT) != null
          ? instant(scope, LAST_MEETING_AT) : instant(scope, FIRST_INTERVENTION_STARTED_AT), null);
      case CONCERN_RESPONSE -> rules.compute(kind, instant(scope, CONCERN_RAISED_AT), null);
    };
  }

  private static Instant instant(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new IllegalStateException("process variable " + name + " is missing or not a date: " + value);
  }
}
