package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.staircase.SafetyPlans;
import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.intake.IntakeService;
import dk.trappen.investigation.InvestigationService;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.plan.PlanService;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.CaseTaskService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a case file from the features' services, in one read-only transaction: the one query behind the case page and
 * GET /api/cases/{caseNumber}. It takes a {@link CaseRef} that {@code security.CaseAccess} has already let through
 * (and audited), so it neither checks access nor writes the audit itself.
 */
@Service
public class CaseFileQuery {

  private final CaseService cases;
  private final IntakeService intake;
  private final StaircaseService staircase;
  private final PlanService plans;
  private final InvestigationService investigations;
  private final MeetingsService meetings;
  private final DeadlineRegister deadlines;
  private final CaseTaskService tasks;
  private final SafetyPlans safetyPlans;
  private final OutcomeService outcomes;

  CaseFileQuery(CaseService cases, IntakeService intake, StaircaseService staircase, PlanService plans,
      InvestigationService investigations, MeetingsService meetings, DeadlineRegister deadlines,
      CaseTaskService tasks, SafetyPlans safetyPlans, OutcomeService outcomes) {
    this.safetyPlans = safetyPlans;
    this.outcomes = outcomes;
    this.cases = cases;
    this.intake = intake;
    this.staircase = staircase;
    this.plans = plans;
    this.investigations = investigations;
    this.meetings = meetings;
    this.deadlines = deadlines;
    this.tasks = tasks;
  }

  /** The case file of a case the caller may read in full. */
  @Transactional(readOnly = true)
  public CaseFile read(CaseRef c) {
    CaseService.CaseClosure closure = cases.closure(c.id());
    List<InterventionView> all = staircase.interventions(c.id());
    return new CaseFile(c.caseNumber(), c.status(), c.teamCode(), c.caseworker(), closure.openedAt(),
        c.awareAt(), closure.closedAt(), closure.reason(), closure.note(),
        new CaseFile.ChildSummary(c.childName(), c.childCpr(), c.childBirthDate()),
        all.stream().filter(InterventionView::running).toList(), all, intake.notifications(c.id()),
        investigations.investigation(c.id()).orElse(null), plans.plans(c.id()), meetings.meetings(c.id()),
        meetings.followUps(c.id()), meetings.concerns(c.id()), plans.aftercare(c.id()),
        tasks.tasksOfCase(c.caseNumber()), deadlines.forCase(c.id()), safetyPlans.ofCase(c.id()),
        outcomes.outcomes(c.id()).history());
  }
}
