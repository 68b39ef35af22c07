package dk.trappen.deadlines;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deadline configuration ({@code config/deadlines.yml}) and the calendar ({@code trappen.calendar}). Validated at
 * startup by {@link DeadlineRules}: a bad entry stops startup with a message naming the key.
 */
@Getter
@Setter
@ConfigurationProperties(prefix = "trappen")
public class DeadlineProperties {

  /** The time zone all deadlines are computed in. */
  private String zone = "Europe/Copenhagen";

  private Calendar calendar = new Calendar();

  private Defaults deadlineDefaults = new Defaults();

  /** One rule per deadline kind. */
  private Map<DeadlineKind, Rule> deadlines = new EnumMap<>(DeadlineKind.class);

  @Getter
  @Setter
  public static class Calendar {
    /** Country code of the public-holiday calendar (Jollyday). */
    private String holidayCountry = "DK";
    /** One-off days the administration is closed besides public holidays, ISO dates (2027-05-07). */
    private List<String> closingDays = new ArrayList<>();
    /** Days the administration is closed every year besides public holidays, month-days ("12-24"). */
    private List<String> yearlyClosingDays = new ArrayList<>();
    /** A child born 29 February has its birthday in other years on: march-1 (default) or february-28. */
    private String leapDayBirthday = "march-1";
  }

  @Getter
  @Setter
  public static class Defaults {
    /** How long before its due time an open deadline shows as at risk, unless the rule sets its own. */
    private String atRisk = "P7D";
    /** How long after the escalation to the team leader a deadline still not met escalates to the head. */
    private Tier escalateToHead;
  }

  /** The second escalation tier: exactly one of the three shapes, counted from the team leader's escalation. */
  @Getter
  @Setter
  public static class Tier {
    /** Exact elapsed time, ISO-8601 (PT24H). */
    private String duration;
    /** Calendar period in the configured zone, ISO-8601 (P14D). */
    private String period;
    /** Working days (Monday–Friday minus holidays and closing days). */
    private Integer workingDays;
  }

  @Getter
  @Setter
  public static class Rule {
    /** Exact elapsed time, ISO-8601 (PT24H). */
    private String duration;
    /** Calendar period in the configured zone, ISO-8601 (P4M, P56D). */
    private String period;
    /** Working days (Monday–Friday minus holidays and closing days). */
    private Integer workingDays;
    /** The child's birthday (16, 18) the deadline falls on. */
    private Integer birthday;
    /**
     * Instead of a shape of its own: falls due exactly when the deadline of this other kind does (its kebab-case key,
     * e.g. {@code investigation}), counted by that kind's rule from the same anchor. The interim assessment uses it,
     * so that it cannot fall due at another time than the investigation it stands in for.
     */
    private String dueWith;
    /**
     * The date the deadline falls on, due by the end of that day: {@code planned-end} (an intervention's planned
     * end). The only date anchor so far.
     */
    private String dueOn;
    /** With {@code birthday}: how long before the birthday (P6M). */
    private String before;
    /** With {@code birthday}: how long after the birthday (P3M). */
    private String after;
    /** How long before the due time the task opens (age clocks). */
    private String lead;
    /** The at-risk window; defaults to trappen.deadline-defaults.at-risk. */
    private String atRisk;
    /** The legal or programme basis, shown with every deadline. */
    private String basis;
    /** The second tier; defaults to trappen.deadline-defaults.escalate-to-head. */
    private Tier escalateToHead;
  }

  static Duration parseDuration(String key, String value) {
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalStateException(key + ": '" + value + "' is not an ISO-8601 duration such as PT24H");
    }
  }

  static Period parsePeriod(String key, String value) {
    if (value.matches("(?i).*\\d+W.*")) {
      throw new IllegalStateException(key + ": '" + value + "' uses weeks; write weeks as days (8 weeks = P56D)");
    }
    try {
      return Period.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalStateException(key + ": '" + value + "' is not an ISO-8601 period such as P4M or P56D");
    }
  }
}
