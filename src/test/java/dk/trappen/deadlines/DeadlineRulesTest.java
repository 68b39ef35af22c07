package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped deadline rules against dates checked by hand in a calendar. */
@DisplayName("Deadline rules against hand-checked dates")
class DeadlineRulesTest {

  private final DeadlineRules rules = ShippedDeadlineConfig.rules();

  private ZonedDateTime due(DeadlineKind kind, String anchor) {
    return rules.compute(kind, OffsetDateTime.parse(anchor).toInstant(), null).due();
  }

  @Test
  @DisplayName("24 hours across the spring DST change of 2027 are 24 real hours, so the local time moves an hour")
  void acuteAssessmentAcrossSpringForward() {
    ZonedDateTime due = due(DeadlineKind.ACUTE_ASSESSMENT, "2027-03-27T12:00:00+01:00");
    assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2027-03-28T13:00:00+02:00"));
    assertThat(Duration.between(Instant.parse("2027-03-27T11:00:00Z"), due.toInstant())).isEqualTo(Duration.ofHours(24));
  }

  @Test
  @DisplayName("24 hours across the autumn DST change of 2027 are 24 real hours, so the local time moves back an hour")
  void acuteAssessmentAcrossFallBack() {
    ZonedDateTime due = due(DeadlineKind.ACUTE_ASSESSMENT, "2027-10-30T12:00:00+02:00");
    assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2027-10-31T11:00:00+01:00"));
  }

  @Test
  @DisplayName("6 working days from the Wednesday before Easter 2027 skip Maundy Thursday, Good Friday and Easter Monday,"
      + " and end at the end of the 6th working day")
  void acknowledgementAcrossEaster2027() {
    // Wed 24 March; Thu 25, Fri 26 and Mon 29 are holidays; working days: 30, 31, 1, 2, 5, 6 April
    assertThat(due(DeadlineKind.ACKNOWLEDGEMENT, "2027-03-24T10:00:00+01:00").toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2027-04-06T23:59:59+02:00"));
  }

  @Test
  @DisplayName("6 working days from 22 December 2026 skip Christmas, the closing days and New Year's Day")
  void acknowledgementAcrossChristmas2026() {
    // Tue 22 Dec; working days: 23, 28, 29, 30 Dec (24 and 31 are closing days, 25 Dec a holiday), 4 and 5 Jan
    assertThat(due(DeadlineKind.ACKNOWLEDGEMENT, "2026-12-22T09:00:00+01:00").toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2027-01-05T23:59:59+01:00"));
  }

  @Test
  @DisplayName("Christmas Eve is not a public holiday: without closing days it counts as a working day")
  void christmasEveIsOnlyAClosingDay() {
    WorkingDayCalendar plain = new WorkingDayCalendar("DK", java.util.Set.of());
    assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
    assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(rules.calendar().isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
    // Great Prayer Day was abolished from 2024: Friday 26 April 2024 is a working day
    assertThat(plain.isWorkingDay(LocalDate.of(2024, 4, 26))).isTrue();
  }

  @Test
  @DisplayName("4 months from 31 October 2026 end at the end of 28 February 2027, a common year")
  void investigationFromThirtyFirstOfOctober() {
    assertThat(due(DeadlineKind.INVESTIGATION, "2026-10-31T10:00:00+01:00").toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2027-02-28T23:59:59+01:00"));
  }

  @Test
  @DisplayName("56 days across the spring DST change end at the end of the 56th day, in summer time")
  void networkMeetingAcrossDst() {
    ZonedDateTime due = due(DeadlineKind.NETWORK_MEETING, "2027-03-01T10:00:00+01:00");
    assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2027-04-26T23:59:59+02:00"));
    assertThat(due.toInstant()).isEqualTo(Instant.parse("2027-04-26T21:59:59Z"));
  }

  @Test
  @DisplayName("A child born 29 February 2012 turns 16 on 29 February 2028, a leap year: the youth plan is due by the"
      + " end of 29 May 2028 and its task opens on the birthday")
  void youthPlanOnLeapDayBirthday() {
    DeadlineRules.Computed c = rules.computeForBirthDate(DeadlineKind.YOUTH_PLAN, LocalDate.of(2012, 2, 29));
    assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2028-05-29T23:59:59+02:00"));
    assertThat(c.opensAt().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2028-02-29T00:00:00+01:00"));
  }

  @Test
  @DisplayName("A child born 29 February 2012 turns 18 on 1 March 2030 (the default), so aftercare is due by the end"
      + " of 1 September 2029")
  void aftercareOnLeapDayBirthday() {
    assertThat(rules.leapDay().birthday(LocalDate.of(2012, 2, 29), 18)).isEqualTo(LocalDate.of(2030, 3, 1));
    ZonedDateTime due = rules.computeForBirthDate(DeadlineKind.AFTERCARE, LocalDate.of(2012, 2, 29)).due();
    assertThat(due.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-09-01T23:59:59+02:00"));
  }

  @Test
  @DisplayName("A deadline shows as at risk from its configured window: 4 hours for the acute assessment")
  void atRiskWindow() {
    DeadlineRules.Computed c = rules.compute(DeadlineKind.ACUTE_ASSESSMENT, Instant.parse("2027-01-10T08:00:00Z"), null);
    assertThat(Duration.between(c.atRiskFrom(), c.due())).isEqualTo(Duration.ofHours(4));
    DeadlineRules.Computed plan = rules.compute(DeadlineKind.ACTION_PLAN, Instant.parse("2027-01-10T08:00:00Z"), null);
    assertThat(Duration.between(plan.atRiskFrom(), plan.due())).isEqualTo(Duration.ofDays(7));
  }

  @Test
  @DisplayName("Later follow-ups use the interval decided at the first follow-up")
  void followUpInterval() {
    DeadlineRules.Computed c = rules.compute(DeadlineKind.FOLLOW_UP,
        OffsetDateTime.parse("2027-01-15T10:00:00+01:00").toInstant(), java.time.Period.parse("P4M"));
    assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2027-05-15T23:59:59+02:00"));
    assertThat(c.ruleText()).contains("P4M (as decided)");
  }

  @Test
  @DisplayName("Each register row says how its due time was computed and on what legal basis")
  void ruleText() {
    DeadlineRules.Computed c = rules.compute(DeadlineKind.ACKNOWLEDGEMENT,
        OffsetDateTime.parse("2027-03-24T10:00:00+01:00").toInstant(), null);
    assertThat(c.ruleText()).isEqualTo(
        "by the end of the 6th working day (Mon–Fri, less public holidays and closing days) after 2027-03-24 10:00"
            + " +01:00");
    assertThat(c.basis()).contains("Barnets Lov");
  }

  @Test
  @DisplayName("The interim assessment falls due with the investigation; the investigation turns at risk 14 days before,"
      + " when the interim assessment opens, and the interim assessment 7 days before")
  void interimAssessmentIsDueWithTheInvestigation() {
    for (String aware : new String[] {"2026-10-31T10:00:00+01:00", "2027-01-29T14:30:00+01:00"}) {
      Instant anchor = OffsetDateTime.parse(aware).toInstant();
      DeadlineRules.Computed investigation = rules.compute(DeadlineKind.INVESTIGATION, anchor, null);
      DeadlineRules.Computed interim = rules.compute(DeadlineKind.INTERIM_ASSESSMENT, anchor, null);
      assertThat(interim.due().toInstant()).as(aware).isEqualTo(investigation.due().toInstant());
      assertThat(Duration.between(investigation.atRiskFrom(), investigation.due())).isEqualTo(Duration.ofDays(14));
      assertThat(Duration.between(interim.atRiskFrom(), interim.due())).isEqualTo(Duration.ofDays(7));
      assertThat(interim.ruleText()).isEqualTo(investigation.ruleText());
      assertThat(interim.basis()).contains("Barnets Lov § 20, stk. 3").contains("foreløbig vurdering");
    }
  }

  @Test
  @DisplayName("A placement proposed on the Wednesday before Easter 2027 is to be approved within 2 working days, by"
      + " Wednesday 31 March; still not approved, it reaches the head at the end of the working day after its escalation")
  void placementApprovalInWorkingDays() {
    // Wed 24 March; Thu 25, Fri 26 and Mon 29 are holidays; working days: 30 and 31 March
    DeadlineRules.Computed c = rules.compute(DeadlineKind.PLACEMENT_APPROVAL,
        OffsetDateTime.parse("2027-03-24T10:00:00+01:00").toInstant(), null);
    assertThat(c.due()).isEqualTo(OffsetDateTime.parse("2027-03-31T23:59:59+02:00").toZonedDateTime()
        .withZoneSameInstant(rules.zone()));
    assertThat(c.ruleText()).startsWith("by the end of the 2nd working day");
    assertThat(c.basis()).startsWith("Kommunens retningslinje").contains("ikke lovkrav");
    // escalated on Friday 2 April 2027: the head tier counts 1 working day, Monday 5 April
    Instant escalated = OffsetDateTime.parse("2027-04-02T10:00:00+02:00").toInstant();
    assertThat(rules.headDueAfter(DeadlineKind.PLACEMENT_APPROVAL, escalated))
        .isEqualTo(OffsetDateTime.parse("2027-04-05T23:59:59+02:00").toInstant());
  }
}
