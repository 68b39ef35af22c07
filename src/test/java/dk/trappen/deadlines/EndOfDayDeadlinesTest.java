package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Deadlines counted in days, working days, months or birthdays run out at the end of their last day (23:59:59
 * Europe/Copenhagen), against dates checked by hand in a calendar; the shipped rules, engine-free.
 */
@DisplayName("Deadlines counted in days run out at the end of their last day")
class EndOfDayDeadlinesTest {

  private final DeadlineRules rules = ShippedDeadlineConfig.rules();

  private OffsetDateTime due(DeadlineKind kind, String anchor) {
    return rules.compute(kind, OffsetDateTime.parse(anchor).toInstant(), null).due().toOffsetDateTime();
  }

  @Nested
  @DisplayName("across the daylight-saving changes")
  class AcrossDst {

    @Test
    @DisplayName("a 3-month action plan whose last day is Sunday 28 March 2027 (spring forward) is due 23:59:59 +02:00")
    void periodEndingOnTheSpringChange() {
      OffsetDateTime due = due(DeadlineKind.ACTION_PLAN, "2026-12-28T10:00:00+01:00");
      assertThat(due).isEqualTo(OffsetDateTime.parse("2027-03-28T23:59:59+02:00"));
      assertThat(due.toInstant()).isEqualTo(Instant.parse("2027-03-28T21:59:59Z"));
    }

    @Test
    @DisplayName("a 56-day network meeting whose last day is Sunday 31 October 2027 (fall back) is due 23:59:59 +01:00")
    void periodEndingOnTheAutumnChange() {
      OffsetDateTime due = due(DeadlineKind.NETWORK_MEETING, "2027-09-05T10:00:00+02:00");
      assertThat(due).isEqualTo(OffsetDateTime.parse("2027-10-31T23:59:59+01:00"));
      assertThat(due.toInstant()).isEqualTo(Instant.parse("2027-10-31T22:59:59Z"));
    }

    @Test
    @DisplayName("6 working days from Friday 19 March 2027 run over Easter and the spring change to the end of 1 April")
    void workingDaysOverTheSpringChange() {
      // Mon 22, Tue 23, Wed 24; Thu 25 - Mon 29 Easter (Sun 28 the change); Tue 30, Wed 31, Thu 1 April
      assertThat(due(DeadlineKind.ACKNOWLEDGEMENT, "2027-03-19T10:00:00+01:00"))
          .isEqualTo(OffsetDateTime.parse("2027-04-01T23:59:59+02:00"));
    }

    @Test
    @DisplayName("3 working days from Friday 29 October 2027 run over the autumn change to the end of 3 November")
    void workingDaysOverTheAutumnChange() {
      assertThat(due(DeadlineKind.CONCERN_RESPONSE, "2027-10-29T16:00:00+02:00"))
          .isEqualTo(OffsetDateTime.parse("2027-11-03T23:59:59+01:00"));
    }

    @Test
    @DisplayName("24 hours stay exact: an acute assessment is due at the hour it was received, not at the end of the day")
    void hoursStayExact() {
      assertThat(due(DeadlineKind.ACUTE_ASSESSMENT, "2027-10-30T12:00:00+02:00"))
          .isEqualTo(OffsetDateTime.parse("2027-10-31T11:00:00+01:00"));
    }
  }

  @Test
  @DisplayName("a notification received Monday 1 June 2026 at 00:30 is acknowledged by the end of the 6th working day,"
      + " Wednesday 10 June (Friday 5 June is a closing day)")
  void mondayHalfPastMidnight() {
    DeadlineRules.Computed c = rules.compute(DeadlineKind.ACKNOWLEDGEMENT,
        OffsetDateTime.parse("2026-06-01T00:30:00+02:00").toInstant(), null);
    assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-06-10T23:59:59+02:00"));
    assertThat(c.ruleText()).isEqualTo("by the end of the 6th working day (Mon–Fri, less public holidays and closing"
        + " days) after 2026-06-01 00:30 +02:00");
    assertThat(c.due().getNano()).isZero();
  }

  @Test
  @DisplayName("4 months from 31 October 2027 end at the end of 29 February 2028, a leap year")
  void fourMonthsIntoALeapFebruary() {
    DeadlineRules.Computed c = rules.compute(DeadlineKind.INVESTIGATION,
        OffsetDateTime.parse("2027-10-31T10:00:00+01:00").toInstant(), null);
    assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2028-02-29T23:59:59+01:00"));
    assertThat(c.ruleText()).isEqualTo("by the end of the day P4M (calendar) after 2027-10-31 10:00 +01:00");
  }

  @Test
  @DisplayName("the second tier counted in working days reaches the head at the end of the 2nd working day after the"
      + " team leader's escalation")
  void headTierAtTheEndOfTheDay() {
    Instant escalated = OffsetDateTime.parse("2027-01-07T23:59:59+01:00").toInstant(); // Thursday
    assertThat(rules.headDueAfter(DeadlineKind.ACKNOWLEDGEMENT, escalated).atZone(rules.zone()).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2027-01-11T23:59:59+01:00"));
    assertThat(rules.headDueAfter(DeadlineKind.ACUTE_ASSESSMENT, escalated))
        .isEqualTo(escalated.plusSeconds(24 * 3600));
  }

  @Nested
  @DisplayName("the youth plan and aftercare")
  class Birthdays {

    @Test
    @DisplayName("the youth plan is due by the end of the day 3 months after the 16th birthday, and its task opens at the"
        + " start of the birthday")
    void youthPlanThreeMonthsAfterTheSixteenthBirthday() {
      DeadlineRules.Computed c = rules.computeForBirthDate(DeadlineKind.YOUTH_PLAN, LocalDate.of(2012, 5, 10));
      assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2028-08-10T23:59:59+02:00"));
      assertThat(c.opensAt().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2028-05-10T00:00:00+02:00"));
      assertThat(c.basis()).isEqualTo("Barnets Lov § 108, stk. 3 (senest 3 måneder efter det fyldte 16. år)");
      assertThat(c.ruleText()).isEqualTo("by the end of the day P3M after the 16th birthday of a child born 2012-05-10");
    }

    @Test
    @DisplayName("a child turning 16 on 30 November: the youth plan is due by the end of 28 February and opens on the"
        + " birthday itself")
    void youthPlanFromTheEndOfAMonth() {
      DeadlineRules.Computed c = rules.computeForBirthDate(DeadlineKind.YOUTH_PLAN, LocalDate.of(2012, 11, 30));
      assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-02-28T23:59:59+01:00"));
      assertThat(c.opensAt().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2028-11-30T00:00:00+01:00"));
    }

    @Test
    @DisplayName("aftercare is due by the end of the day 6 months before the 18th birthday, on the basis of § 111, stk. 1,"
        + " and opens a month earlier at the start of a day")
    void aftercare() {
      DeadlineRules.Computed c = rules.computeForBirthDate(DeadlineKind.AFTERCARE, LocalDate.of(2011, 9, 14));
      assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-03-14T23:59:59+01:00"));
      assertThat(c.opensAt().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-02-14T00:00:00+01:00"));
      assertThat(c.basis()).startsWith("Barnets Lov § 111, stk. 1");
      assertThat(c.ruleText()).isEqualTo("by the end of the day P6M before the 18th birthday of a child born 2011-09-14");
    }

    @Test
    @DisplayName("born 29 February, with march-1 (the default): 18 on 1 March 2030, aftercare due by the end of"
        + " 1 September 2029, and the rule text says which setting applied and that no statute was found")
    void leapDayMarchFirst() {
      DeadlineRules.Computed c = rules.computeForBirthDate(DeadlineKind.AFTERCARE, LocalDate.of(2012, 2, 29));
      assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-09-01T23:59:59+02:00"));
      assertThat(c.opensAt().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-08-01T00:00:00+02:00"));
      assertThat(c.ruleText()).contains("1 March").contains("leap-day-birthday: march-1").contains("no statute");
      assertThat(rules.startOfBirthday(LocalDate.of(2012, 2, 29), 18).toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2030-03-01T00:00:00+01:00"));
    }

    @Test
    @DisplayName("born 29 February, with february-28: 18 on 28 February 2030, aftercare due by the end of 28 August 2029")
    void leapDayFebruary28() {
      DeadlineProperties p = ShippedDeadlineConfig.properties();
      p.getCalendar().setLeapDayBirthday("february-28");
      DeadlineRules february = new DeadlineRules(p);
      DeadlineRules.Computed c = february.computeForBirthDate(DeadlineKind.AFTERCARE, LocalDate.of(2012, 2, 29));
      assertThat(c.due().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2029-08-28T23:59:59+02:00"));
      assertThat(c.ruleText()).contains("28 February").contains("leap-day-birthday: february-28");
      assertThat(february.startOfBirthday(LocalDate.of(2012, 2, 29), 18).toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2030-02-28T00:00:00+01:00"));
      // in a leap year the birthday is 29 February under either setting: 16 on 29 February 2028
      assertThat(february.computeForBirthDate(DeadlineKind.YOUTH_PLAN, LocalDate.of(2012, 2, 29)).opensAt()
          .toLocalDate()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    @DisplayName("a child not born 29 February gets no leap-day remark in its rule text")
    void noLeapRemarkOtherwise() {
      assertThat(rules.computeForBirthDate(DeadlineKind.AFTERCARE, LocalDate.of(2012, 3, 1)).ruleText())
          .doesNotContain("29 February");
    }
  }

  @Nested
  @DisplayName("when a deadline at 23:59:59 has passed")
  class Passing {

    private Deadline row(ZonedDateTime due) {
      Deadline d = new Deadline();
      d.setDueAt(due.toInstant());
      d.setAtRiskFrom(due.minusDays(2).toInstant());
      return d;
    }

    private final ZonedDateTime due = DeadlineRule.endOfDay(LocalDate.of(2027, 3, 28), rules.zone());

    @Test
    @DisplayName("it is not overdue at 23:59:59 nor within that second, and overdue from midnight")
    void overdueOnlyOnceItHasPassed() {
      Deadline d = row(due);
      assertThat(d.state(due.toInstant())).isEqualTo(DeadlineState.AT_RISK);
      assertThat(d.state(due.toInstant().plusMillis(999))).isEqualTo(DeadlineState.AT_RISK);
      assertThat(d.state(due.toInstant().plusSeconds(1))).isEqualTo(DeadlineState.OVERDUE);
      assertThat(due.plusSeconds(1).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
    }

    @Test
    @DisplayName("work done at 23:59:59 meets it in time, work done at midnight meets it late")
    void metAtTheLastSecond() {
      Deadline inTime = row(due);
      inTime.setMetAt(due.toInstant().plusMillis(500));
      assertThat(inTime.state(due.toInstant().plusSeconds(3600))).isEqualTo(DeadlineState.MET);
      Deadline late = row(due);
      late.setMetAt(due.toInstant().plusSeconds(1));
      assertThat(late.state(due.toInstant().plusSeconds(3600))).isEqualTo(DeadlineState.MET_LATE);
    }
  }
}
