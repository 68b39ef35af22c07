package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The review before an intervention's planned end: its deadline rule")
class PlannedEndReviewRuleTest {

  private static DeadlineAnchors plannedEnd(LocalDate date) {
    return new DeadlineAnchors(null, null, null, null, null, null, null, null, null, date);
  }

  @Test
  @DisplayName("the shipped rule is due by the end of the planned-end day and opens at the start of the day a month "
      + "before, with its basis in law and programme")
  void shippedRule() {
    DeadlineRules rules = ShippedDeadlineConfig.rules();

    DeadlineRules.Computed c = ProcessClocks.compute(DeadlineKind.PLANNED_END_REVIEW,
        plannedEnd(LocalDate.of(2027, 6, 30)), rules);

    assertThat(c.due()).isEqualTo(ZonedDateTime.parse("2027-06-30T23:59:59+02:00[Europe/Copenhagen]"));
    assertThat(c.opensAt()).isEqualTo(ZonedDateTime.parse("2027-05-30T00:00+02:00[Europe/Copenhagen]"));
    assertThat(c.atRiskFrom()).isEqualTo(c.due().minus(Duration.ofDays(7)));
    assertThat(c.basis()).contains("Barnets Lov § 95").contains("exitplan");
    assertThat(c.ruleText()).contains("2027-06-30").contains("P1M");
    assertThat(rules.rule(DeadlineKind.PLANNED_END_REVIEW).shape()).isEqualTo(DeadlineRule.Shape.PLANNED_END);
  }

  @Test
  @DisplayName("a planned end after the change to summer time opens on the calendar day a month before, in winter time")
  void acrossDaylightSaving() {
    DeadlineRules.Computed c = ProcessClocks.compute(DeadlineKind.PLANNED_END_REVIEW,
        plannedEnd(LocalDate.of(2027, 3, 31)), ShippedDeadlineConfig.rules());

    assertThat(c.opensAt()).isEqualTo(ZonedDateTime.parse("2027-02-28T00:00+01:00[Europe/Copenhagen]"));
    assertThat(c.due()).isEqualTo(ZonedDateTime.parse("2027-03-31T23:59:59+02:00[Europe/Copenhagen]"));
  }

  @Test
  @DisplayName("without the reviewed intervention's planned end the deadline cannot be computed, and says which "
      + "variable is missing")
  void missingPlannedEnd() {
    assertThatThrownBy(() -> ProcessClocks.compute(DeadlineKind.PLANNED_END_REVIEW, plannedEnd(null),
        ShippedDeadlineConfig.rules())).hasMessageContaining("reviewedPlannedEnd");
  }

  @Test
  @DisplayName("a misconfigured planned-end review stops startup naming the key")
  void misconfigured() {
    DeadlineProperties unknown = ShippedDeadlineConfig.properties();
    unknown.getDeadlines().get(DeadlineKind.PLANNED_END_REVIEW).setDueOn("planned-start");
    assertThatThrownBy(() -> new DeadlineRules(unknown))
        .hasMessageStartingWith("trappen.deadlines.planned-end-review.due-on: 'planned-start'");

    DeadlineProperties period = ShippedDeadlineConfig.properties();
    period.getDeadlines().get(DeadlineKind.PLANNED_END_REVIEW).setDueOn(null);
    period.getDeadlines().get(DeadlineKind.PLANNED_END_REVIEW).setPeriod("P1M");
    assertThatThrownBy(() -> new DeadlineRules(period))
        .hasMessageStartingWith("trappen.deadlines.planned-end-review:").hasMessageContaining("due-on: planned-end");

    DeadlineProperties elsewhere = ShippedDeadlineConfig.properties();
    elsewhere.getDeadlines().get(DeadlineKind.ACTION_PLAN).setPeriod(null);
    elsewhere.getDeadlines().get(DeadlineKind.ACTION_PLAN).setDueOn("planned-end");
    assertThatThrownBy(() -> new DeadlineRules(elsewhere))
        .hasMessageStartingWith("trappen.deadlines.action-plan.due-on:");

    DeadlineProperties missing = ShippedDeadlineConfig.properties();
    missing.getDeadlines().remove(DeadlineKind.PLANNED_END_REVIEW);
    assertThatThrownBy(() -> new DeadlineRules(missing))
        .hasMessageStartingWith("trappen.deadlines.planned-end-review: missing");
  }
}
