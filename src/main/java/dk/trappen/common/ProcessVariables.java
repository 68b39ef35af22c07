package dk.trappen.common;

/**
 * The process variables of the youth-case processes. The process holds only what routing and timers need (ids,
 * outcomes, dates); the domain data lives in the features' entities.
 */
public final class ProcessVariables {

  private ProcessVariables() {
  }

  public static final String PROCESS_YOUTH_CASE = "youth-case";
  public static final String PROCESS_STEP_SELECTION = "step-selection";
  public static final String PROCESS_ACKNOWLEDGEMENT = "notification-acknowledgement";
  public static final String MESSAGE_NOTIFICATION_JOINED = "NotificationJoined";
  public static final String MESSAGE_CONCERN_RAISED = "ConcernRaised";

  // the case
  public static final String CASE_ID = "caseId";
  public static final String TEAM_CODE = "teamCode";
  public static final String TEAM_GROUP = "teamGroup";
  public static final String LEAD_GROUP = "leadGroup";
  public static final String CHILD_BIRTH_DATE = "childBirthDate";
  public static final String AWARE_AT = "awareAt";
  public static final String CLOSURE_REASON = "closureReason";

  // notifications and the acute assessment
  public static final String NOTIFICATION_ID = "notificationId";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String PROFESSIONAL_NOTIFIER = "professionalNotifier";
  public static final String ACUTE_OUTCOME = "acuteOutcome";

  // investigation findings (inputs of the step recommendation)
  public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
  public static final String INVESTIGATION_FINISHED_AT = "investigationFinishedAt";
  public static final String RISK_LEVEL = "riskLevel";
  public static final String SAFE_AT_HOME = "safeAtHome";
  public static final String KIN_OR_NETWORK_POSSIBLE = "kinOrNetworkPossible";
  public static final String YOUTH_WISH = "youthWish";

  // step selection
  public static final String SELECTION_REASON = "selectionReason";
  public static final String RECOMMENDED_CATEGORY = "recommendedCategory";
  public static final String RECOMMENDED_STEP_KEY = "recommendedStepKey";
  public static final String REPLACES_INTERVENTION_ID = "replacesInterventionId";
  public static final String INTERVENTION_ID = "interventionId";
  public static final String PLACEMENT_STEP = "placementStep";
  public static final String PLACEMENT_APPROVED = "placementApproved";
  public static final String INTERVENTION_DECIDED_AT = "interventionDecidedAt";
  public static final String FIRST_INTERVENTION_STARTED_AT = "firstInterventionStartedAt";

  // follow-up loop
  public static final String LAST_MEETING_AT = "lastMeetingAt";
  /**
   * When the work a completed task records was done, if earlier than its recording (a meeting typed in the day after):
   * a transient variable of the completion, read by the deadline register and never stored ({@link #doneAt}).
   */
  public static final String DONE_AT = "doneAt";
  public static final String MEETING_DECISION = "meetingDecision";
  public static final String LAST_FOLLOW_UP_AT = "lastFollowUpAt";
  public static final String FOLLOW_UP_INTERVAL = "followUpInterval";
  public static final String CONCERN_ID = "concernId";
  public static final String CONCERN_RAISED_AT = "concernRaisedAt";
  public static final String AFTERCARE_GRANTED = "aftercareGranted";

  // the review before an intervention's planned end: local to its subprocess (SubProcess_PlannedEndReview), one per
  // running intervention
  public static final String REVIEWED_INTERVENTION_ID = "reviewedInterventionId";
  /** The reviewed intervention's planned end, an ISO date string (2027-03-31): the review deadline's anchor. */
  public static final String REVIEWED_PLANNED_END = "reviewedPlannedEnd";
  /** The outcome of the review: STEP_DOWN, EXTEND or END ({@code staircase.PlannedEndOutcome}). */
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  /** The step the review steps down to (the intervention's recorded next step down), for the step selection. */
  public static final String REVIEW_STEP_DOWN_KEY = "reviewStepDownKey";

  // deadlines: a guarded task's due time, local to the task (its input mapping), read by its timer and due date
  public static final String DEADLINE_DUE = "deadlineDue";
  /** When a guarded task's deadline turns at risk, local to the task (the investigation's opens the interim). */
  public static final String DEADLINE_AT_RISK = "deadlineAtRisk";

  /** The Camunda group of a team's caseworkers. */
  public static String teamGroup(String teamCode) {
    return "team-" + teamCode;
  }

  /** The Camunda group of a team's leaders. */
  public static String leadGroup(String teamCode) {
    return "lead-" + teamCode;
  }

  public static final String INTAKE_GROUP = "intake";

  /** {@link #DONE_AT}'s value: a transient date, seen by the listeners of the completing command only. */
  public static org.camunda.bpm.engine.variable.value.DateValue doneAt(java.time.Instant at) {
    return org.camunda.bpm.engine.variable.Variables.dateValue(java.util.Date.from(at), true);
  }
}
