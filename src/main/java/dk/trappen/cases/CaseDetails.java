package dk.trappen.cases;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as GET /api/cases/{caseNumber} returns it. {@code stepHistory} is every intervention of the case in the
 * order decided, so the path up and down the staircase can be read from it.
 */
public record CaseDetails(
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
    List<DeadlineView> deadlines) {

  public record ChildSummary(String name, String cpr, LocalDate birthDate) {
  }
}
