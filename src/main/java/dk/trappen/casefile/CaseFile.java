package dk.trappen.casefile;

import dk.trappen.cases.CaseStatus;
import dk.trappen.cases.ClosureReason;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.intake.NotificationView;
import dk.trappen.investigation.InvestigationView;
import dk.trappen.meetings.ConcernView;
import dk.trappen.meetings.FollowUpView;
import dk.trappen.meetings.MeetingView;
import dk.trappen.plan.AftercareView;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.tasks.TaskView;
import dk.trappen.outcomes.OutcomeView;
import dk.trappen.staircase.SafetyPlanView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The case file: a case with everything recorded on it, as {@link CaseFileQuery} reads it once for the case page and
 * for GET /api/cases/{caseNumber} (which returns it as is, so its components are the API's JSON; the schema keeps the
 * API's name {@code CaseDetails}). {@code stepHistory} is every intervention of the case in the order decided, so the
 * path up and down the staircase can be read from it; {@code runningInterventions} are those of it running now;
 * {@code safetyPlans} are the interventions' safety plans with their reviews, {@code outcomes} every outcome answer
 * recorded about the youth at the network meetings and follow-ups, newest first.
 */
@Schema(name = "CaseDetails")
public record CaseFile(
    String caseNumber,
    CaseStatus status,
    String team,
    String caseworker,
    Instant openedAt,
    Instant awareAt,
    Instant closedAt,
    ClosureReason closureReason,
    String closureNote,
    ChildSummary child,
    List<InterventionView> runningInterventions,
    List<InterventionView> stepHistory,
    List<NotificationView> notifications,
    InvestigationView investigation,
    List<PlanView> plans,
    List<MeetingView> meetings,
    List<FollowUpView> followUps,
    List<ConcernView> concerns,
    List<AftercareView> aftercare,
    List<TaskView> openTasks,
    List<DeadlineView> deadlines,
    List<SafetyPlanView> safetyPlans,
    List<OutcomeView> outcomes) {

  public record ChildSummary(String name, String cpr, LocalDate birthDate) {
  }
}
