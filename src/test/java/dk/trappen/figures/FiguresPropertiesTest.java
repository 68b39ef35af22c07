package dk.trappen.figures;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The figures' settings are checked at start-up, naming the key")
class FiguresPropertiesTest {

  @Test
  @DisplayName("the defaults (80 %, 3 meetings, weight 1.0) pass")
  void defaults() {
    assertThatCode(() -> FiguresConfiguration.check(new FiguresProperties())).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a goal outside 0 to 100 % names trappen.figures.satisfaction-goal-percent")
  void goal() {
    FiguresProperties p = new FiguresProperties();
    p.setSatisfactionGoalPercent(101);
    assertThatThrownBy(() -> FiguresConfiguration.check(p)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("trappen.figures.satisfaction-goal-percent:");
    p.setSatisfactionGoalPercent(-1);
    assertThatThrownBy(() -> FiguresConfiguration.check(p))
        .hasMessageStartingWith("trappen.figures.satisfaction-goal-percent:");
  }

  @Test
  @DisplayName("fewer than 1 meeting names trappen.figures.stalled-after-meetings")
  void stalled() {
    FiguresProperties p = new FiguresProperties();
    p.setStalledAfterMeetings(0);
    assertThatThrownBy(() -> FiguresConfiguration.check(p))
        .hasMessageStartingWith("trappen.figures.stalled-after-meetings:");
  }

  @Test
  @DisplayName("a weight of 0 or less names trappen.figures.weight-without-step")
  void weight() {
    FiguresProperties p = new FiguresProperties();
    p.setWeightWithoutStep(0);
    assertThatThrownBy(() -> FiguresConfiguration.check(p))
        .hasMessageStartingWith("trappen.figures.weight-without-step:");
  }
}
