package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.figures.Figures;
import dk.trappen.figures.FiguresService;
import dk.trappen.org.OrgService;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "trappen.demo.enabled=true")
@ActiveProfiles({"demo", "test"})
@DisplayName("The living demo")
class DemoDataTest {

  @Autowired
  private CaseService cases;
  @Autowired
  private OrgService org;
  @Autowired
  private DeadlineRegister deadlines;
  @Autowired
  private ManagementService management;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private FiguresService figures;

  @Test
  @DisplayName("first start creates teams, staff and cases across the journey, some of them overdue")
  void demoIsAlive() {
    assertThat(org.teams()).hasSize(2);
    assertThat(org.member("karen")).isPresent();
    assertThat(org.member("birgitte")).isPresent();
    // the twelve sample cases (eleven open); the history's cases are its own caseworkers' (see the test below)
    assertThat(jdbc.queryForObject("select count(*) from youth_case where status = 'OPEN' and (caseworker is null"
        + " or caseworker not in ('jonas', 'pia', 'rasmus', 'lene'))", Long.class)).isEqualTo(11);
    assertThat(cases.casesOfChild("0101145137")).singleElement().satisfies(c -> assertThat(c.open()).isFalse());

    // as the job executor would: timers that came due fire, and so do those they start (the investigation at risk
    // opens its interim assessment, whose own deadline may have passed too)
    for (int round = 0; round < 5 && management.createJobQuery().executable().count() > 0; round++) {
      for (Job job : management.createJobQuery().executable().list()) {
        management.executeJob(job.getId());
      }
    }
    List<DeadlineView> late = deadlines.atRiskOrOverdue(null, null);
    Set<DeadlineKind> overdueKinds = late.stream().filter(d -> d.state() == DeadlineState.OVERDUE)
        .map(DeadlineView::kind).collect(Collectors.toSet());
    assertThat(overdueKinds).contains(DeadlineKind.ACUTE_ASSESSMENT, DeadlineKind.ACKNOWLEDGEMENT,
        DeadlineKind.INVESTIGATION, DeadlineKind.NETWORK_MEETING);
    assertThat(late.stream().filter(d -> d.state() == DeadlineState.AT_RISK).map(DeadlineView::kind))
        .contains(DeadlineKind.ACUTE_ASSESSMENT, DeadlineKind.INVESTIGATION, DeadlineKind.REASSESSMENT);
    long karlsCase = cases.casesOfChild("0505115171").get(0).id();
    assertThat(deadlines.forCase(karlsCase)).extracting(DeadlineView::kind)
        .contains(DeadlineKind.NETWORK_MEETING, DeadlineKind.ACTION_PLAN, DeadlineKind.CONCERN_RESPONSE);
    assertThat(late.stream().filter(d -> d.state() == DeadlineState.OVERDUE).allMatch(d -> d.escalatedAt() != null))
        .as("every overdue deadline escalated once its timer fired").isTrue();
  }

  private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  @Test
  @DisplayName("first start also lays out a year of history in both teams: notifications and network meetings in each "
      + "of the last twelve months, every step of the staircase, moves up and down, ended placements, closed cases, "
      + "satisfied and dissatisfied youths, goals that stand still and interventions past their planned end")
  void historyShowsInEveryFigure() {
    YearMonth current = YearMonth.now(ZONE);
    List<YearMonth> lastTwelve = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(current::minusMonths).toList();
    LocalDate today = LocalDate.now(ZONE);
    for (String team : List.of("nord", "syd")) {
      // the twelve months before this one (the current month may have just begun)
      assertThat(months("select m.held_at from network_meeting m join youth_case c on c.id = m.case_id"
          + " where c.team_code = ?", team)).as("months with network meetings in " + team).containsAll(lastTwelve);
      assertThat(months("select n.received_at from notification n join youth_case c on c.id = n.case_id"
          + " where c.team_code = ?", team)).as("months with notifications in " + team).containsAll(lastTwelve);
      assertThat(jdbc.queryForList("select distinct n.notifier_kind from notification n join youth_case c"
          + " on c.id = n.case_id where c.team_code = ?", String.class, team)).as("notifiers").hasSizeGreaterThan(4);
      // compared here, not in SQL: adding hours to a time is spelled differently on H2 and PostgreSQL
      assertThat(jdbc.query("select n.received_at, n.assessed_at from notification n join youth_case c"
              + " on c.id = n.case_id where c.team_code = ? and n.assessed_at is not null",
          (rs, row) -> rs.getTimestamp(2).toInstant().isAfter(rs.getTimestamp(1).toInstant().plusSeconds(24 * 3600)),
          team)).as("acute assessments later than 24 hours").contains(true);

      assertThat(jdbc.queryForList("select distinct i.step_key from intervention i join youth_case c"
          + " on c.id = i.case_id where c.team_code = ? and i.started_at is not null", String.class, team))
          .as("steps with interventions in " + team).containsExactlyInAnyOrder("EARLY_HELP", "PREVENTIVE",
              "HOME_BASED", "KIN_PLACEMENT", "FOSTER_FAMILY", "INSTITUTION");
      assertThat(count("select count(*) from intervention i join youth_case c on c.id = i.case_id"
          + " where c.team_code = ? and i.placement and i.approved_by is not null and i.started_at is not null"
          + " and i.ended_at is not null", team)).as("approved placements that ended").isGreaterThanOrEqualTo(2);
      String moves = "select count(*) from intervention i join intervention r on r.id = i.replaces_id"
          + " join youth_case c on c.id = i.case_id where c.team_code = ? and i.started_at is not null"
          + " and i.step_position ";
      assertThat(count(moves + "> r.step_position", team)).as("moves up").isGreaterThanOrEqualTo(2);
      assertThat(count(moves + "< r.step_position", team)).as("moves down").isGreaterThanOrEqualTo(3);
      assertThat(count("select count(*) from youth_case where team_code = ? and status = 'CLOSED'"
          + " and closure_reason = 'GOAL_REACHED'", team)).as("cases closed at a meeting").isGreaterThanOrEqualTo(2);

      Map<String, Object> scores = jdbc.queryForMap("select count(*) as total,"
          + " sum(case when youth_satisfaction >= 4 then 1 else 0 end) as satisfied,"
          + " sum(case when youth_voice is not null then 1 else 0 end) as voiced"
          + " from network_meeting m join youth_case c on c.id = m.case_id where c.team_code = ?", team);
      long total = ((Number) scores.get("TOTAL")).longValue();
      double satisfied = ((Number) scores.get("SATISFIED")).doubleValue() / total;
      System.out.printf("DemoDataTest: %s: %d history cases past the acute assessment (%d closed), %d network"
              + " meetings (%.0f %% scored 4-5), %d interventions started%n", team,
          count("select count(*) from youth_case where team_code = ? and caseworker in ('jonas', 'pia', 'rasmus',"
              + " 'lene')", team),
          count("select count(*) from youth_case where team_code = ? and caseworker in ('jonas', 'pia', 'rasmus',"
              + " 'lene') and status = 'CLOSED'", team), total, 100 * satisfied,
          count("select count(*) from intervention i join youth_case c on c.id = i.case_id where c.team_code = ?"
              + " and i.started_at is not null", team));
      System.out.println("DemoDataTest: " + team + ": network meetings and notifications per month: " + lastTwelve
          .stream().sorted().map(m -> m + " " + perMonth("select m.held_at from network_meeting m join youth_case c"
              + " on c.id = m.case_id where c.team_code = ?", team, m) + "/" + perMonth("select n.received_at from"
              + " notification n join youth_case c on c.id = n.case_id where c.team_code = ?", team, m)).toList());
      assertThat(total).as("meetings in " + team).isGreaterThan(60);
      assertThat(satisfied).as("share of meetings scored 4-5 in " + team).isBetween(0.6, 0.9);
      assertThat(((Number) scores.get("VOICED")).longValue()).as("meetings with the youth's own words")
          .isGreaterThan(total / 2);
      assertThat(count("select count(*) from goal_progress g join network_meeting m on m.id = g.meeting_id"
          + " join youth_case c on c.id = m.case_id where c.team_code = ? and g.progress >= 7", team))
          .as("goals that came far").isPositive();
      assertThat(count("select count(*) from (select g.goal_id from goal_progress g join network_meeting m"
          + " on m.id = g.meeting_id join youth_case c on c.id = m.case_id where c.team_code = ? and c.status = 'OPEN'"
          + " group by g.goal_id having count(*) >= 3 and min(g.progress) = max(g.progress)) stuck", team))
          .as("goals of open cases that stood still for three meetings or more").isPositive();

      String running = "select count(*) from intervention i join youth_case c on c.id = i.case_id"
          + " where c.team_code = ? and i.status = 'RUNNING' and i.planned_end ";
      assertThat(count(running + "< ?", team, today)).as("running past the planned end").isGreaterThanOrEqualTo(2);
      assertThat(count(running + "> ? and i.next_step_down_key is not null", team, today))
          .as("planned step-downs ahead").isGreaterThanOrEqualTo(5);

      String outcomes = "select count(*) from outcome_record o join youth_case c on c.id = o.case_id"
          + " where c.team_code = ? and ";
      assertThat(count(outcomes + "o.meeting_id is not null", team)).as("outcomes answered at meetings")
          .isGreaterThan(50);
      assertThat(count(outcomes + "o.follow_up_id is not null", team)).as("outcomes answered at follow-ups")
          .isPositive();
      assertThat(count("select count(distinct o.indicator_key) from outcome_record o join youth_case c"
          + " on c.id = o.case_id where c.team_code = ?", team)).as("indicators answered").isEqualTo(5);
      assertThat(count(outcomes + "o.achieved = true", team)).as("desired and undesired answers")
          .isPositive().isLessThan(count(outcomes + "1 = 1", team));
      assertThat(count("select count(*) from safety_plan p join intervention i on i.id = p.intervention_id"
          + " join youth_case c on c.id = p.case_id where c.team_code = ? and i.status = 'RUNNING'", team))
          .as("children at home with a safety plan").isPositive();
      assertThat(count("select count(*) from safety_plan_review r join safety_plan p on p.id = r.safety_plan_id"
          + " join youth_case c on c.id = p.case_id where c.team_code = ?", team)).as("safety plans reviewed")
          .isGreaterThan(5);
    }
  }

  @Test
  @DisplayName("on the first start every chart of the head's figures shows something for both teams over the 12 "
      + "months before this one (and the figures are printed)")
  void everyChartOfTheFiguresShowsSomething() {
    // the current month may have just begun: the year before it
    YearMonth to = YearMonth.now(ZoneId.of("Europe/Copenhagen")).minusMonths(1);
    Figures f = figures.figures(org.member("anne").orElseThrow(), to.minusMonths(11), to, null);
    assertThat(f.teams()).extracting(Figures.TeamFigures::team).containsExactlyInAnyOrder("nord", "syd");
    for (Figures.TeamFigures t : f.teams()) {
      Figures.Money m = t.money();
      System.out.printf(java.util.Locale.ROOT, "Demo figures %s..%s, %s: meetings %d, scored 4-5 %d (%.0f %%); cases "
              + "per step at the end %s; moves up %d, down %d; start steps %s; placements ended %d (median %.0f days), "
              + "running %d, kinds at the end %s; ratings %d, stalled %d; outcome answers %d; children at home %d, "
              + "with a safety plan %d; notifications %d, assessed within 24 h %d; open cases %d, weighted %.1f; "
              + "spending %d DKK, planned savings %d DKK, late step-downs %d DKK%n", f.from(), f.to(), t.team(),
          t.satisfaction().meetings(), t.satisfaction().satisfied(), 100 * t.satisfaction().share(),
          t.flow().casesPerStep().get(t.flow().casesPerStep().size() - 1).cases(),
          t.flow().moves().stream().mapToLong(Figures.Moves::up).sum(),
          t.flow().moves().stream().mapToLong(Figures.Moves::down).sum(), t.flow().startSteps(),
          t.flow().placementLengths().ended(), t.flow().placementLengths().medianDays(),
          t.flow().placementLengths().running(), t.flow().placementKindsAtEnd(),
          t.progression().months().stream().mapToLong(Figures.ProgressMonth::ratings).sum(),
          t.progression().stalledCount(), t.outcomes().perStep().stream().mapToLong(Figures.OutcomeStep::answers).sum(),
          t.safetyPlans().childrenAtHome(), t.safetyPlans().withPlan(), t.intake().received(),
          t.intake().assessedWithin24h(), t.caseload().openCases(), t.caseload().weighted(), m.spendingTotal(),
          m.plannedSavings(), m.lateCost());
      assertThat(t.satisfaction().months()).as(t.team() + ": satisfaction in every month")
          .allSatisfy(month -> assertThat(month.meetings()).isPositive());
      assertThat(t.satisfaction().words()).as("the youth's words").isNotEmpty();
      assertThat(t.flow().casesPerStep()).as("cases on the staircase every month")
          .allSatisfy(month -> assertThat(month.total()).isPositive());
      assertThat(t.flow().moves().stream().mapToLong(Figures.Moves::up).sum()).as("moves up").isPositive();
      assertThat(t.flow().moves().stream().mapToLong(Figures.Moves::down).sum()).as("moves down").isPositive();
      assertThat(t.flow().startSteps().values().stream().mapToLong(Long::longValue).sum()).as("start steps")
          .isPositive();
      assertThat(t.flow().placementLengths().ended()).as("placements ended").isPositive();
      assertThat(t.flow().placementKindsAtEnd().total()).as("placements running").isPositive();
      assertThat(t.progression().months().stream().mapToLong(Figures.ProgressMonth::rose).sum()).as("goals rose")
          .isPositive();
      assertThat(t.progression().stalledCount()).as("stalled interventions").isPositive();
      assertThat(t.outcomes().perStep()).as("outcomes per step").isNotEmpty();
      assertThat(t.safetyPlans().withPlan()).as("children at home with a safety plan").isPositive();
      assertThat(t.safetyPlans().reviews()).as("safety plans reviewed").isPositive();
      assertThat(t.intake().months()).as("notifications every month")
          .allSatisfy(month -> assertThat(month.received()).isPositive());
      assertThat(t.intake().assessedWithin24h()).as("some assessed in time, some not").isPositive()
          .isLessThan(t.intake().received());
      assertThat(t.caseload().weighted()).as("weighted caseload").isPositive();
      assertThat(m.spendingTotal()).as("spending").isPositive();
      assertThat(m.plannedSavings()).as("planned step-downs' savings").isPositive();
      assertThat(m.lateCost()).as("late step-downs' cost").isPositive();
    }
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private long perMonth(String sql, String team, YearMonth month) {
    return jdbc.queryForList(sql, Timestamp.class, team).stream()
        .filter(t -> YearMonth.from(t.toInstant().atZone(ZONE)).equals(month)).count();
  }

  private java.util.Set<YearMonth> months(String sql, String team) {
    return jdbc.queryForList(sql, Timestamp.class, team).stream()
        .map(t -> YearMonth.from(t.toInstant().atZone(ZONE))).collect(Collectors.toSet());
  }
}
