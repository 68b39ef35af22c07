package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A misconfigured deadline stops startup with a message naming the key")
class DeadlineConfigValidationTest {

  private DeadlineProperties shipped() {
    return ShippedDeadlineConfig.properties();
  }

  @Test
  @DisplayName("A week period is refused, since Camunda and people both get P8W wrong")
  void weeksAreRefused() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.NETWORK_MEETING).setPeriod("P8W");
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessageStartingWith("trappen.deadlines.network-meeting.period:")
        .hasMessageContaining("P56D");
  }

  @Test
  @DisplayName("A missing deadline kind is named")
  void missingKind() {
    DeadlineProperties p = shipped();
    p.getDeadlines().remove(DeadlineKind.ACTION_PLAN);
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessageStartingWith("trappen.deadlines.action-plan: missing");
  }

  @Test
  @DisplayName("Two rule shapes in one entry are refused")
  void twoShapes() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.ACUTE_ASSESSMENT).setWorkingDays(1);
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessageStartingWith("trappen.deadlines.acute-assessment:")
        .hasMessageContaining("exactly one");
  }

  @Test
  @DisplayName("An unparseable duration is named with its value")
  void badDuration() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.ACUTE_ASSESSMENT).setDuration("24 hours");
    assertThatThrownBy(() -> new DeadlineRules(p))
        .hasMessageStartingWith("trappen.deadlines.acute-assessment.duration: '24 hours'");
  }

  @Test
  @DisplayName("A missing legal basis is refused")
  void missingBasis() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.INVESTIGATION).setBasis(" ");
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessageStartingWith("trappen.deadlines.investigation.basis:");
  }

  @Test
  @DisplayName("An unknown time zone and an unknown holiday country are named")
  void zoneAndCountry() {
    DeadlineProperties p = shipped();
    p.setZone("Europe/Kobenhavn");
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessageStartingWith("trappen.zone:");
    DeadlineProperties q = shipped();
    q.getCalendar().setHolidayCountry("XX");
    assertThatThrownBy(() -> new DeadlineRules(q)).hasMessageStartingWith("trappen.calendar.holiday-country:");
  }

  @Test
  @DisplayName("Zero working days are refused")
  void zeroWorkingDays() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.ACKNOWLEDGEMENT).setWorkingDays(0);
    assertThatThrownBy(() -> new DeadlineRules(p))
        .hasMessageStartingWith("trappen.deadlines.acknowledgement.working-days:");
  }

  @Test
  @DisplayName("An escalate-to-head tier with two shapes, or with none, is refused naming its key")
  void headTierShapes() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.ACUTE_ASSESSMENT).getEscalateToHead().setPeriod("P1D");
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessage(
        "trappen.deadlines.acute-assessment.escalate-to-head: set exactly one of duration, period or working-days "
            + "(found 2)");
    DeadlineProperties q = shipped();
    q.getDeadlineDefaults().setEscalateToHead(new DeadlineProperties.Tier());
    assertThatThrownBy(() -> new DeadlineRules(q))
        .hasMessageStartingWith("trappen.deadline-defaults.escalate-to-head: set exactly one of");
  }

  @Test
  @DisplayName("An escalate-to-head tier in weeks, of zero working days, or missing without a default is refused")
  void headTierValues() {
    DeadlineProperties p = shipped();
    p.getDeadlineDefaults().getEscalateToHead().setPeriod("P2W");
    assertThatThrownBy(() -> new DeadlineRules(p))
        .hasMessageStartingWith("trappen.deadline-defaults.escalate-to-head.period: 'P2W' uses weeks");
    DeadlineProperties q = shipped();
    q.getDeadlines().get(DeadlineKind.ACKNOWLEDGEMENT).getEscalateToHead().setWorkingDays(0);
    assertThatThrownBy(() -> new DeadlineRules(q))
        .hasMessageStartingWith("trappen.deadlines.acknowledgement.escalate-to-head.working-days:");
    DeadlineProperties r = shipped();
    r.getDeadlineDefaults().setEscalateToHead(null);
    assertThatThrownBy(() -> new DeadlineRules(r))
        .hasMessageStartingWith("trappen.deadlines.investigation.escalate-to-head: missing");
  }

  @Test
  @DisplayName("A due-with rule beside a shape of its own, naming no kind, or naming itself or another due-with rule is"
      + " refused")
  void dueWith() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.INTERIM_ASSESSMENT).setPeriod("P4M");
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessageStartingWith("trappen.deadlines.interim-assessment:")
        .hasMessageContaining("due-with");
    DeadlineProperties q = shipped();
    q.getDeadlines().get(DeadlineKind.INTERIM_ASSESSMENT).setDueWith("investigations");
    assertThatThrownBy(() -> new DeadlineRules(q))
        .hasMessageStartingWith("trappen.deadlines.interim-assessment.due-with: 'investigations' is not a deadline kind");
    DeadlineProperties r = shipped();
    r.getDeadlines().get(DeadlineKind.INTERIM_ASSESSMENT).setDueWith("interim-assessment");
    assertThatThrownBy(() -> new DeadlineRules(r))
        .hasMessageStartingWith("trappen.deadlines.interim-assessment.due-with: 'interim-assessment' must be another");
    DeadlineProperties t = shipped();
    DeadlineProperties.Rule chained = new DeadlineProperties.Rule();
    chained.setDueWith("interim-assessment");
    chained.setBasis("test");
    t.getDeadlines().put(DeadlineKind.PLACEMENT_APPROVAL, chained);
    assertThatThrownBy(() -> new DeadlineRules(t))
        .hasMessageStartingWith("trappen.deadlines.placement-approval.due-with: 'interim-assessment' must be another");
    DeadlineProperties u = shipped();
    u.getDeadlines().get(DeadlineKind.INTERIM_ASSESSMENT).setBasis(null);
    assertThatThrownBy(() -> new DeadlineRules(u))
        .hasMessageStartingWith("trappen.deadlines.interim-assessment.basis:");
  }

  @Test
  @DisplayName("The shipped placement approval is a working-day rule with its own head tier and an honest basis")
  void shippedPlacementApproval() {
    DeadlineRules rules = new DeadlineRules(shipped());
    DeadlineRule rule = rules.rule(DeadlineKind.PLACEMENT_APPROVAL);
    assertThat(rule.shape()).isEqualTo(DeadlineRule.Shape.WORKING_DAYS);
    assertThat(rule.count()).isEqualTo(2);
    assertThat(rule.basis()).contains("Kommunens retningslinje");
    assertThat(rules.headTier(DeadlineKind.PLACEMENT_APPROVAL).count()).isEqualTo(1);
    assertThat(rules.rule(DeadlineKind.INTERIM_ASSESSMENT).period())
        .isEqualTo(rules.rule(DeadlineKind.INVESTIGATION).period());
  }

  @Test
  @DisplayName("A yearly closing day that is no day of the year, or not a month-day, is refused naming the key and the"
      + " value")
  void badYearlyClosingDay() {
    for (String bad : new String[] {"02-30", "13-01", "24-12", "12/24"}) {
      DeadlineProperties p = shipped();
      p.getCalendar().setYearlyClosingDays(java.util.List.of("12-24", bad));
      assertThatThrownBy(() -> new DeadlineRules(p)).as(bad)
          .hasMessageStartingWith("trappen.calendar.yearly-closing-days: '" + bad + "'");
    }
  }

  @Test
  @DisplayName("A one-off closing day that is not a date is refused naming the key and the value")
  void badClosingDay() {
    DeadlineProperties p = shipped();
    p.getCalendar().setClosingDays(java.util.List.of("2027-02-30"));
    assertThatThrownBy(() -> new DeadlineRules(p))
        .hasMessageStartingWith("trappen.calendar.closing-days: '2027-02-30' is not a date");
  }

  @Test
  @DisplayName("A 29 February setting other than march-1 or february-28 is refused naming the key and the value")
  void badLeapDaySetting() {
    DeadlineProperties p = shipped();
    p.getCalendar().setLeapDayBirthday("feb-28");
    assertThatThrownBy(() -> new DeadlineRules(p)).hasMessage(
        "trappen.calendar.leap-day-birthday: 'feb-28' is not one of march-1, february-28");
  }

  @Test
  @DisplayName("after on a rule that is not a birthday rule, after beside before, and a zero after are refused")
  void afterOnlyOnBirthdayRules() {
    DeadlineProperties p = shipped();
    p.getDeadlines().get(DeadlineKind.INVESTIGATION).setAfter("P3M");
    assertThatThrownBy(() -> new DeadlineRules(p))
        .hasMessage("trappen.deadlines.investigation.after: only applies to a birthday rule");
    DeadlineProperties q = shipped();
    q.getDeadlines().get(DeadlineKind.AFTERCARE).setAfter("P3M");
    assertThatThrownBy(() -> new DeadlineRules(q))
        .hasMessage("trappen.deadlines.aftercare: set at most one of before and after");
    DeadlineProperties r = shipped();
    r.getDeadlines().get(DeadlineKind.YOUTH_PLAN).setAfter("P0D");
    assertThatThrownBy(() -> new DeadlineRules(r))
        .hasMessageStartingWith("trappen.deadlines.youth-plan.after: must be positive");
    DeadlineProperties s = shipped();
    s.getDeadlines().get(DeadlineKind.YOUTH_PLAN).setAfter("P3W");
    assertThatThrownBy(() -> new DeadlineRules(s))
        .hasMessageStartingWith("trappen.deadlines.youth-plan.after: 'P3W' uses weeks");
  }
}
