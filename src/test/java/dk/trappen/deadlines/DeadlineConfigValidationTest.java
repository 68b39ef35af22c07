package dk.trappen.deadlines;

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
}
