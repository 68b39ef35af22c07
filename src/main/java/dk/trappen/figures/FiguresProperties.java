package dk.trappen.figures;

import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The figures' settings ({@code trappen.figures}, config/figures.yml), checked at start-up by
 * {@link FiguresConfiguration}.
 */
@Getter
@Setter
@ConfigurationProperties(prefix = "trappen.figures")
public class FiguresProperties {

  /** The goal for the share of network meetings where the youth scored 4 or 5 of 5, in percent (0 to 100). */
  private int satisfactionGoalPercent = 80;

  /** An intervention whose goals have not moved at this many network meetings in a row is flagged (1 or more). */
  private int stalledAfterMeetings = 3;

  /** The caseload weight of an open case with no running intervention (more than 0). */
  private double weightWithoutStep = 1.0;
}
