package dk.trappen.demo;

import static dk.trappen.demo.DemoScript.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.IntakeService;
import dk.trappen.org.OrgService;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.plan.PlanService;
import dk.trappen.staircase.SafetyPlans;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.CaseTaskService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's history (issue 21): for each team, 26 journeys that began between about 16 months and 4 weeks ago, driven
 * through the real intake and task services with the engine clock set to each event in turn, case by case (each case
 * from its notification forward in time, then the next case from its own start). Every figure of the strategy pages
 * has something to show on the first start: notifications every month from varied notifiers (a few acute
 * assessments later than 24 hours), investigations ending on every step of the staircase, placements with kin, in
 * foster families and at institutions approved by the team leader, network meetings about every 7 weeks with the
 * youth's satisfaction and own words and the goals' progress, moves up and down the staircase, placements that
 * ended, closed cases, interventions running past their planned end and planned step-downs ahead.
 *
 * <p>The history's cases belong to two caseworkers of each team who have no part in the sample cases (jonas and pia
 * in Nord, rasmus and lene in Syd), so the sample cases' task lists stay as the tour describes them. No task of a
 * running history case is overdue now: each case meets at most 54 days apart up to shortly before now, and its § 95
 * follow-up is done at the meeting before it falls due. Timers do not fire while the history is laid out (the job
 * executor starts once the application is ready); the only ones due on the first start are the planned-end reviews
 * of the interventions that run past their planned end: their reviews open and escalate, as late step-downs should.
 * Every other running intervention's planned end lies at least 40 days ahead, with a next step down.
 *
 * <p>Each meeting and follow-up also answers the outcome indicators asked at the youth's age (school, the 9th-grade
 * exam, education or work, police contact, substance use; better on cases that move than on stuck ones), and two in
 * three interventions at home get a safety plan agreed with the family the day they start, reviewed at every meeting
 * after (holding on most, not on stuck cases).
 */
@Component
@Profile("demo")
class DemoHistory {

  /** Nord's and Syd's history caseworkers, two per team. */
  static final Map<String, List<String>> CASEWORKERS = Map.of("nord", List.of("jonas", "pia"),
      "syd", List.of("rasmus", "lene"));
  static final Map<String, String> LEADERS = Map.of("nord", "birgitte", "syd", "henrik");

  private final DemoServices services;

  DemoHistory(OrgService org, IntakeService intake, CaseTaskService tasks, TaskService engineTasks,
      CaseService cases, PlanService plans, StaircaseService staircase, ObjectMapper json, TransactionTemplate tx,
      Clock clock, OutcomeService outcomes, SafetyPlans safetyPlans) {
    this.services = new DemoServices(org, intake, tasks, engineTasks, cases, plans, staircase, json, tx,
        outcomes, safetyPlans, clock.getZone(), new HashMap<>());
  }

  /** What the history holds, for the log. */
  record Summary(int cases, int meetings, int closed, int stepChanges) {
    Summary plus(Summary o) {
      return new Summary(cases + o.cases, meetings + o.meetings, closed + o.closed, stepChanges + o.stepChanges);
    }
  }

  /** Lays out both teams' history as of {@code now}; the caller resets the clock afterwards. */
  Summary seed(Instant now) {
    Summary total = new Summary(0, 0, 0, 0);
    int child = 0;
    for (Map.Entry<String, List<Path>> team : JOURNEYS.entrySet()) {
      Random random = new Random(team.getKey().hashCode());
      List<Path> paths = team.getValue();
      for (int i = 0; i < paths.size(); i++) {
        total = total.plus(new DemoJourney(services, team.getKey(), i, child++, paths.get(i), now, random).run());
      }
    }
    return total;
  }
}
