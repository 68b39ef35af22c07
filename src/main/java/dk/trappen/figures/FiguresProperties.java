package dk.trappen.figures;

import java.time.Duration;
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

  /**
   * How long a computed set of figures (a viewer's teams over a period) is served before it is computed again: the
   * figures are aggregations over every case of the teams, seconds of database work at national scale, and they move
   * by the day. The page and the API say when they were computed. 0 computes every request afresh.
   */
  private Duration keepFor = Duration.ofMinutes(15);

  /**
   * How often each node computes the default figures (the last 12 months of all the teams) of every team leader and
   * head of department ahead of their request, so that the page opens at once. 0 turns this off.
   */
  private Duration warmEvery = Duration.ofMinutes(10);
}
