package dk.trappen.api;

import static dk.trappen.api.FiguresDataset.HEAD;
import static dk.trappen.api.FiguresDataset.TEAM_A;
import static dk.trappen.api.FiguresDataset.TEAM_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dk.trappen.figures.Figures;
import dk.trappen.figures.Figures.TeamFigures;
import dk.trappen.figures.FiguresService;
import dk.trappen.org.OrgService;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every measure of docs/figures.md against the small dataset of {@link FiguresDataset}, computed by hand: January to
 * March 2026 (Copenhagen; the period's end, 1 April 00:00, is in the past, so every point-in-time figure is taken at
 * it). Steps (config/staircase.yml): EARLY_HELP 1 (2,000 DKK a month, weight 0.5), PREVENTIVE 2 (6,000; 0.75),
 * HOME_BASED 3 (18,000; 1.0), KIN_PLACEMENT 4 (22,000; 1.5), FOSTER_FAMILY 5 (42,000; 1.5), INSTITUTION 6 (95,000;
 * 2.0). Month lengths: January 744 h, February 672 h, March 743 h (summer time from 29 March).
 *
 * <p>figa: A1 HOME_BASED since 1 Dec 2025 (planned end 28 Feb, next PREVENTIVE; safety plan), meetings 10 Dec (4),
 * 15 Jan (5), 15 Feb (4), 15 Mar (2), goal G1 rated 4, 5, 5, 5. A2 PREVENTIVE 1 Jan to 10 Feb 10:00, then
 * FOSTER_FAMILY (planned end 31 Dec 2026, next KIN_PLACEMENT), meetings 20 Jan (3), 5 Mar (4, blank words), G2 rated
 * 3, 6. A3 (nobody's) INSTITUTION 1 Sep 2025 to 20 Mar 12:00, case closed then. A4 (figcw2) no intervention. A5
 * (nobody's) EARLY_HELP from 10 Mar (planned end 31 Mar, next ORDINARY_LIFE). figb: B1 KIN_PLACEMENT 1 Jan to 10 Feb,
 * then PREVENTIVE (planned end 28 Feb, next EARLY_HELP), meeting 20 Feb (5), G3 rated 7.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The figures, checked against a small dataset computed by hand")
class FiguresHandComputedTest extends ApiTestSupport {

  static final YearMonth JAN = YearMonth.of(2026, 1);
  static final YearMonth FEB = YearMonth.of(2026, 2);
  static final YearMonth MAR = YearMonth.of(2026, 3);

  @Autowired
  private FiguresService service;
  @Autowired
  private OrgService org;
  @Autowired
  private PasswordEncoder encoder;
  @Autowired
  private JdbcTemplate jdbc;

  private Figures f;
  private TeamFigures a;
  private TeamFigures b;
  private TeamFigures total;

  @BeforeEach
  void dataset() {
    FiguresDataset.ensure(jdbc, org, encoder);
    f = service.figures(org.member(HEAD).orElseThrow(), JAN, MAR, null);
    a = f.teams().get(0);
    b = f.teams().get(1);
    total = f.total();
  }

  @Test
  @DisplayName("the head's figures have one block per team, side by side, and the total; the point-in-time figures "
      + "are taken at the period's end")
  void blocks() {
    assertThat(f.teams()).extracting(TeamFigures::team).containsExactly(TEAM_A, TEAM_B);
    assertThat(a.name()).isEqualTo("Team Figur A");
    assertThat(total.team()).isNull();
    assertThat(f.months()).containsExactly(JAN, FEB, MAR);
    assertThat(f.asOf()).isEqualTo(FiguresDataset.at("2026-04-01T00:00"));
    assertThat(f.satisfactionGoalPercent()).isEqualTo(80);
  }

  @Test
  @DisplayName("satisfaction: meetings scoring 4 or 5 per month and over the period against the 80 % goal, and the "
      + "youth's latest non-empty words")
  void satisfaction() {
    // figa: Jan 15 Jan (5) and 20 Jan (3): 1 of 2; Feb 15 Feb (4): 1 of 1; Mar 5 Mar (4), 15 Mar (2): 1 of 2;
    // 10 Dec is before the period. Period: 3 of 5 = 60 %, below the goal
    assertThat(a.satisfaction().months()).extracting(m -> List.of(m.meetings(), m.satisfied()))
        .containsExactly(List.of(2L, 1L), List.of(1L, 1L), List.of(2L, 1L));
    assertThat(a.satisfaction().months().get(0).share()).isEqualTo(0.5);
    assertThat(a.satisfaction().share()).isEqualTo(0.6);
    assertThat(a.satisfaction().goalMet()).isFalse();
    // figb: 20 Feb (5): 1 of 1 = 100 %
    assertThat(b.satisfaction().meetings()).isEqualTo(1);
    assertThat(b.satisfaction().share()).isEqualTo(1.0);
    assertThat(b.satisfaction().goalMet()).isTrue();
    // total: Feb 2 of 2; period 4 of 6 = 66.7 %
    assertThat(total.satisfaction().months().get(1).satisfied()).isEqualTo(2);
    assertThat(total.satisfaction().meetings()).isEqualTo(6);
    assertThat(total.satisfaction().satisfied()).isEqualTo(4);
    assertThat(total.satisfaction().share()).isCloseTo(4.0 / 6, within(1e-9));
    // words: latest first; the blank words of 5 Mar, the empty ones of 15 Mar and December's are left out
    assertThat(a.satisfaction().words()).extracting(Figures.YouthWords::words)
        .containsExactly("Jeg vil gerne hjem tidligere", "Skolen er svær", "Det går godt");
    assertThat(a.satisfaction().words().get(0).month()).isEqualTo(FEB);
    assertThat(a.satisfaction().words().get(0).score()).isEqualTo(4);
    assertThat(total.satisfaction().words()).extracting(Figures.YouthWords::words)
        .containsExactly("Mormor er sød", "Jeg vil gerne hjem tidligere", "Skolen er svær", "Det går godt");
  }

  @Test
  @DisplayName("flow: cases per step at each month's end (closed cases while they ran), moves up and down, start "
      + "steps, placement lengths and kinds")
  void flow() {
    // figa at 31 Jan: A1 HOME_BASED, A2 PREVENTIVE, A3 INSTITUTION; 28 Feb: A1 HOME_BASED, A2 FOSTER_FAMILY,
    // A3 INSTITUTION; 31 Mar: A1 HOME_BASED, A2 FOSTER_FAMILY, A5 EARLY_HELP (A3 ended 20 Mar)
    assertThat(a.flow().casesPerStep().get(0).cases()).containsEntry("HOME_BASED", 1L)
        .containsEntry("PREVENTIVE", 1L).containsEntry("INSTITUTION", 1L).containsEntry("EARLY_HELP", 0L);
    assertThat(a.flow().casesPerStep().get(1).cases()).containsEntry("FOSTER_FAMILY", 1L)
        .containsEntry("PREVENTIVE", 0L).containsEntry("INSTITUTION", 1L);
    assertThat(a.flow().casesPerStep().get(2).cases()).containsEntry("EARLY_HELP", 1L)
        .containsEntry("INSTITUTION", 0L);
    assertThat(a.flow().casesPerStep()).extracting(Figures.StepCounts::total).containsExactly(3L, 3L, 3L);
    // total adds figb's B1: KIN_PLACEMENT at 31 Jan, PREVENTIVE at 28 Feb and 31 Mar
    assertThat(total.flow().casesPerStep()).extracting(Figures.StepCounts::total).containsExactly(4L, 4L, 4L);
    assertThat(total.flow().casesPerStep().get(1).cases()).containsEntry("PREVENTIVE", 1L);
    // moves in February: A2 PREVENTIVE (2) -> FOSTER_FAMILY (5) up; B1 KIN_PLACEMENT (4) -> PREVENTIVE (2) down
    assertThat(a.flow().moves()).extracting(m -> List.of(m.up(), m.down()))
        .containsExactly(List.of(0L, 0L), List.of(1L, 0L), List.of(0L, 0L));
    assertThat(b.flow().moves().get(1).down()).isEqualTo(1);
    assertThat(total.flow().moves().get(1)).extracting(Figures.Moves::up, Figures.Moves::down)
        .containsExactly(1L, 1L);
    // first interventions started in the period: A2 PREVENTIVE (Jan), A5 EARLY_HELP (Mar), B1 KIN_PLACEMENT (Jan)
    assertThat(a.flow().startSteps()).containsEntry("PREVENTIVE", 1L).containsEntry("EARLY_HELP", 1L)
        .containsEntry("HOME_BASED", 0L);
    assertThat(total.flow().startSteps()).containsEntry("KIN_PLACEMENT", 1L);
    // placements ended in the period: A3 INSTITUTION 200 days (1 Sep to 20 Mar 12:00; 6.6 months of 30.44 days),
    // B1 KIN_PLACEMENT 40 days (1 Jan to 10 Feb); median of figa 200, of the total (40 + 200) / 2 = 120;
    // still running at the end: A2 FOSTER_FAMILY
    assertThat(a.flow().placementLengths().ended()).isEqualTo(1);
    assertThat(a.flow().placementLengths().medianDays()).isEqualTo(200.0);
    assertThat(a.flow().placementLengths().buckets()).containsEntry("FROM_6_TO_12", 1L);
    assertThat(a.flow().placementLengths().running()).isEqualTo(1);
    assertThat(total.flow().placementLengths().ended()).isEqualTo(2);
    assertThat(total.flow().placementLengths().medianDays()).isEqualTo(120.0);
    assertThat(total.flow().placementLengths().buckets()).containsExactly(entry("UNDER_3", 1L),
        entry("FROM_3_TO_6", 0L), entry("FROM_6_TO_12", 1L), entry("FROM_12_TO_24", 0L), entry("FROM_24", 0L));
    assertThat(b.flow().placementLengths().running()).isZero();
    // running placements by kind: 31 Jan institution 1 (A3) + kin 1 (B1); 28 Feb institution 1 + foster 1 (A2);
    // 31 Mar foster 1: 100 % in foster care at the end
    assertThat(total.flow().placementKinds()).extracting(k -> List.of(k.kin(), k.foster(), k.institution()))
        .containsExactly(List.of(1L, 0L, 1L), List.of(0L, 1L, 1L), List.of(0L, 1L, 0L));
    assertThat(total.flow().placementKinds().get(0).kinShare()).isEqualTo(0.5);
    assertThat(total.flow().placementKindsAtEnd().fosterShare()).isEqualTo(1.0);
    assertThat(total.flow().placementKindsAtEnd().total()).isEqualTo(1);
  }
  @Test
  @DisplayName("a case with two interventions running at once counts once at a month's end, on the more intrusive "
      + "of them; an intervention whose meetings rated no goal is stalled with no last progress")
  void overlappingInterventionsCountTheCaseOnce() {
    // figc: case 7 runs PREVENTIVE from December and HOME_BASED from 5 February to 15 March; case 8 KIN_PLACEMENT
    // from 20 January. End of January: PREVENTIVE 1, KIN 1; of February: HOME_BASED 1 (not PREVENTIVE too), KIN 1;
    // of March: PREVENTIVE 1, KIN 1
    Figures.TeamFigures c = service.figures(org.member(FiguresDataset.LEADER_C).orElseThrow(), JAN, MAR, null)
        .teams().get(0);
    assertThat(c.flow().casesPerStep()).extracting(Figures.StepCounts::total).containsExactly(2L, 2L, 2L);
    assertThat(c.flow().casesPerStep()).extracting(m -> List.of(m.cases().get("PREVENTIVE"),
        m.cases().get("HOME_BASED"), m.cases().get("KIN_PLACEMENT"))).containsExactly(List.of(1L, 0L, 1L),
        List.of(0L, 1L, 1L), List.of(1L, 0L, 1L));
    assertThat(c.flow().placementKinds()).extracting(Figures.PlacementKinds::kin).containsExactly(1L, 1L, 1L);
    // its PREVENTIVE had three meetings and no ratings: stalled, with no last progress (not 0)
    assertThat(c.progression().stalled()).singleElement().satisfies(s -> {
      assertThat(s.caseNumber()).isEqualTo("2026-990007");
      assertThat(s.meetings()).isEqualTo(3);
      assertThat(s.lastProgress()).isNull();
    });
  }


  @Test
  @DisplayName("progression: goals rated per month with their average and the share that rose; an intervention "
      + "whose goals have not moved at its last 3 meetings is flagged")
  void progression() {
    // Jan: G1 5 (before: 4, rose), G2 3 (no rating before): 2 ratings, average 4.0, 1 of 1 rose
    // Feb: G1 5 (before 5): average 5.0, 0 of 1 rose; Mar: G2 6 (before 3, rose), G1 5 (before 5): 5.5, 1 of 2
    assertThat(a.progression().months()).extracting(m -> List.of(m.ratings(), m.withPrevious(), m.rose()))
        .containsExactly(List.of(2L, 1L, 1L), List.of(1L, 1L, 0L), List.of(2L, 2L, 1L));
    assertThat(a.progression().months()).extracting(Figures.ProgressMonth::averageProgress)
        .containsExactly(4.0, 5.0, 5.5);
    assertThat(a.progression().months().get(2).shareRose()).isEqualTo(0.5);
    // figb Feb: G3 7, first rating; total Feb: 5 and 7, average 6.0, 0 of 1 rose
    assertThat(b.progression().months().get(1).shareRose()).isNull();
    assertThat(total.progression().months().get(1).averageProgress()).isEqualTo(6.0);
    assertThat(total.progression().months().get(1).shareRose()).isEqualTo(0.0);
    // stalled: A1's HOME_BASED has 4 meetings since it started; at the last 3 (15 Jan, 15 Feb, 15 Mar) G1 stayed at
    // 5. A2's FOSTER_FAMILY (1 meeting since it started), A5 and B1's PREVENTIVE (1 meeting) are not flagged
    assertThat(a.progression().stalledCount()).isEqualTo(1);
    assertThat(a.progression().stalled()).singleElement().satisfies(s -> {
      assertThat(s.caseNumber()).isEqualTo("2026-990001");
      assertThat(s.step()).isEqualTo("HOME_BASED");
      assertThat(s.startedAt()).isEqualTo(FiguresDataset.at("2025-12-01T00:00"));
      assertThat(s.meetings()).isEqualTo(4);
      assertThat(s.lastProgress()).isEqualTo(5.0);
    });
    assertThat(b.progression().stalledCount()).isZero();
    assertThat(total.progression().stalledCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("outcomes: answers, desired answers and their share per indicator and step, and per month")
  void outcomes() {
    // figa: SCHOOL_ATTENDANCE (desired yes) on HOME_BASED yes, no: 1 of 2; on PREVENTIVE yes: 1 of 1; without a
    // step yes: 1 of 1; POLICE_CONTACT (desired no) on HOME_BASED no, yes: 1 of 2
    assertThat(a.outcomes().perStep()).extracting(o -> List.of(o.indicator(), String.valueOf(o.step()),
        o.answers(), o.desired())).containsExactly(
        List.of("SCHOOL_ATTENDANCE", "PREVENTIVE", 1L, 1L),
        List.of("SCHOOL_ATTENDANCE", "HOME_BASED", 2L, 1L),
        List.of("SCHOOL_ATTENDANCE", "null", 1L, 1L),
        List.of("POLICE_CONTACT", "HOME_BASED", 2L, 1L));
    assertThat(a.outcomes().perStep().get(1).share()).isEqualTo(0.5);
    // per month, SCHOOL_ATTENDANCE: Jan 2 of 2, Feb 0 of 1, Mar 1 of 1
    assertThat(a.outcomes().perMonth()).filteredOn(o -> o.indicator().equals("SCHOOL_ATTENDANCE"))
        .extracting(o -> List.of(o.answers(), o.desired())).containsExactly(List.of(2L, 2L), List.of(1L, 0L),
            List.of(1L, 1L));
    // figb: EDUCATION_OR_WORK on KIN_PLACEMENT yes: 1 of 1
    assertThat(b.outcomes().perStep()).extracting(o -> List.of(o.indicator(), o.step(), o.answers(), o.desired()))
        .containsExactly(List.of("EDUCATION_OR_WORK", "KIN_PLACEMENT", 1L, 1L));
    assertThat(total.outcomes().perStep()).hasSize(5);
  }

  @Test
  @DisplayName("safety plans: the share of children at home with one at the period's end, and the reviews that held")
  void safetyPlans() {
    // figa at home: A1 (HOME_BASED, plan), A5 (EARLY_HELP, none); A2 is placed, A3 closed, A4 has no intervention.
    // Reviews: 15 Jan held, 15 Feb did not
    assertThat(a.safetyPlans()).extracting(Figures.SafetyPlans::childrenAtHome, Figures.SafetyPlans::withPlan,
        Figures.SafetyPlans::share, Figures.SafetyPlans::reviews, Figures.SafetyPlans::held,
        Figures.SafetyPlans::heldShare).containsExactly(2L, 1L, 0.5, 2L, 1L, 0.5);
    // figb: B1 at home (PREVENTIVE) without a plan; total 1 of 3
    assertThat(b.safetyPlans().share()).isEqualTo(0.0);
    assertThat(b.safetyPlans().heldShare()).isNull();
    assertThat(total.safetyPlans().childrenAtHome()).isEqualTo(3);
    assertThat(total.safetyPlans().share()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  @DisplayName("intake: notifications per month by source, and the share assessed within 24 hours")
  void intake() {
    // figa: Jan SCHOOL (5 h) and POLICE (25 h): 1 of 2; Feb SCHOOL (never): 0 of 1; Mar RELATIVE (exactly 24 h): 1
    assertThat(a.intake().months()).extracting(m -> List.of(m.received(), m.assessedWithin24h()))
        .containsExactly(List.of(2L, 1L), List.of(1L, 0L), List.of(1L, 1L));
    assertThat(a.intake().months().get(0).bySource()).containsExactlyInAnyOrderEntriesOf(Map.of("SCHOOL", 1L,
        "POLICE", 1L));
    assertThat(a.intake().share()).isEqualTo(0.5);
    // total adds figb's HEALTH in Feb (2 h): Feb 1 of 2, period 3 of 5; sources SCHOOL 2, POLICE, RELATIVE, HEALTH 1
    assertThat(total.intake().months().get(1).share()).isEqualTo(0.5);
    assertThat(total.intake().received()).isEqualTo(5);
    assertThat(total.intake().share()).isEqualTo(0.6);
    assertThat(total.intake().bySource()).containsExactlyInAnyOrderEntriesOf(Map.of("SCHOOL", 2L, "POLICE", 1L,
        "RELATIVE", 1L, "HEALTH", 1L));
  }

  @Test
  @DisplayName("caseload: open cases weighted by their most intrusive running step, per caseworker and team, "
      + "nobody's cases on their own row")
  void caseload() {
    // figa: figcw1 A1 HOME_BASED 1.0 + A2 FOSTER_FAMILY 1.5 = 2.5; figcw2 A4 without a step 1.0; nobody's A5
    // EARLY_HELP 0.5 (A3 is closed). Team 4 cases, 4.0; average over the 2 caseworkers (2.5 + 1.0) / 2 = 1.75
    assertThat(a.caseload().caseworkers()).extracting(l -> List.of(String.valueOf(l.caseworker()), l.openCases(),
        l.weighted())).containsExactly(List.of("figcw1", 2L, 2.5), List.of("figcw2", 1L, 1.0),
        List.of("null", 1L, 0.5));
    assertThat(a.caseload().openCases()).isEqualTo(4);
    assertThat(a.caseload().weighted()).isEqualTo(4.0);
    assertThat(a.caseload().averagePerCaseworker()).isEqualTo(1.75);
    // figb: figcw3 B1 PREVENTIVE 0.75; total 5 cases, 4.75, (2.5 + 1.0 + 0.75) / 3 = 1.42
    assertThat(b.caseload().weighted()).isEqualTo(0.75);
    assertThat(total.caseload().openCases()).isEqualTo(5);
    assertThat(total.caseload().weighted()).isEqualTo(4.75);
    assertThat(total.caseload().averagePerCaseworker()).isEqualTo(1.42);
  }

  @Test
  @DisplayName("money: spending per step and month pro rata, the planned step-downs' savings over the next 12 "
      + "months, and what the late step-downs cost")
  void money() {
    // figa Jan: HOME_BASED 18,000 + PREVENTIVE 6,000 + INSTITUTION 95,000 = 119,000
    // Feb: HOME_BASED 18,000; PREVENTIVE 6,000 x 226/672 h = 2,017.9 -> 2,018; FOSTER_FAMILY 42,000 x 446/672 =
    // 27,875; INSTITUTION 95,000 = 142,893
    // Mar: HOME_BASED 18,000; FOSTER_FAMILY 42,000; INSTITUTION 95,000 x 468/743 h = 59,838.5 -> 59,838;
    // EARLY_HELP 2,000 x 527/743 h = 1,418.6 -> 1,419 = 121,257. Period 383,150
    assertThat(a.money().spending()).extracting(Figures.SpendingMonth::total)
        .containsExactly(119_000L, 142_893L, 121_257L);
    assertThat(a.money().spending().get(1).perStep()).containsEntry("PREVENTIVE", 2_018L)
        .containsEntry("FOSTER_FAMILY", 27_875L);
    assertThat(a.money().spending().get(2).perStep()).containsEntry("INSTITUTION", 59_838L)
        .containsEntry("EARLY_HELP", 1_419L);
    assertThat(a.money().spendingTotal()).isEqualTo(383_150L);
    // figb Jan KIN_PLACEMENT 22,000; Feb KIN_PLACEMENT 22,000 x 9/28 = 7,071, PREVENTIVE 6,000 x 19/28 = 4,071;
    // Mar PREVENTIVE 6,000. Period 39,142; total 422,292
    assertThat(b.money().spending()).extracting(Figures.SpendingMonth::total)
        .containsExactly(22_000L, 11_142L, 6_000L);
    assertThat(total.money().spendingTotal()).isEqualTo(422_292L);
    assertThat(total.money().spendingPerStep()).containsEntry("PREVENTIVE", 18_089L);
    // savings April 2026 to March 2027: A1 HOME_BASED -> PREVENTIVE 12,000 a month, planned end passed: 12 months
    // 144,000; A2 FOSTER_FAMILY -> KIN_PLACEMENT 20,000 from 1 Jan 2027: 3 months 60,000; A5 EARLY_HELP ->
    // ORDINARY_LIFE 2,000 from 1 Apr: 24,000. figa 228,000; figb B1 PREVENTIVE -> EARLY_HELP 4,000 x 12 = 48,000
    assertThat(a.money().savings()).extracting(s -> List.of(s.step(), s.nextStep(), s.monthlySaving(), s.saving()))
        .containsExactly(List.of("EARLY_HELP", "ORDINARY_LIFE", 2_000L, 24_000L),
            List.of("HOME_BASED", "PREVENTIVE", 12_000L, 144_000L),
            List.of("FOSTER_FAMILY", "KIN_PLACEMENT", 20_000L, 60_000L));
    assertThat(a.money().plannedSavings()).isEqualTo(228_000L);
    assertThat(total.money().plannedSavings()).isEqualTo(276_000L);
    // late: A1 HOME_BASED past 28 Feb all March: 12,000; B1 PREVENTIVE past 28 Feb all March: (6,000 - 2,000) =
    // 4,000; A5's planned end is the period's last day: not late
    assertThat(a.money().lateCostPerStep()).containsEntry("HOME_BASED", 12_000L).containsEntry("EARLY_HELP", 0L);
    assertThat(a.money().lateCost()).isEqualTo(12_000L);
    assertThat(total.money().lateCost()).isEqualTo(16_000L);
  }

  @Test
  @DisplayName("the API gives the same figures as JSON with ISO months, and records the read in the audit")
  void api() throws Exception {
    Response r = getJson(HEAD, "/api/figures?from=2026-01&to=2026-03");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    assertThat(r.body().path("from").asText()).isEqualTo("2026-01");
    assertThat(r.body().path("teams")).extracting(t -> t.path("team").asText()).containsExactly(TEAM_A, TEAM_B);
    assertThat(r.body().path("total").path("money").path("spendingTotal").asLong()).isEqualTo(422_292L);
    assertThat(r.body().path("teams").get(0).path("satisfaction").path("months").get(0).path("month").asText())
        .isEqualTo("2026-01");
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where username = ? and what like 'api: figures%'",
        Long.class, HEAD)).isPositive();
  }
}
