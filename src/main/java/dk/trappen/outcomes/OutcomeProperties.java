package dk.trappen.outcomes;

import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured outcome indicators ({@code config/outcomes.yml}, docs/configuration.md#outcome-indicators).
 * Validated at startup by {@link OutcomeIndicators}.
 */
@Getter
@Setter
@ConfigurationProperties("trappen.outcomes")
public class OutcomeProperties {

  /** The indicators, in the order the forms ask them. */
  private List<IndicatorDefinition> indicators = new ArrayList<>();

  @Getter
  @Setter
  public static class IndicatorDefinition {
    /** Stable identifier, upper case (SCHOOL_ATTENDANCE); stored with every answer, never reused. */
    private String key;
    /** Danish name: the question as the form asks it. */
    private String name;
    /** English name. */
    private String nameEn;
    /** The youngest age (whole years) the indicator is asked of. */
    private Integer minAge;
    /** The oldest age (whole years) the indicator is asked of. */
    private Integer maxAge;
    /** The answer that is the good outcome: true for attending school, false for police contact. */
    private Boolean desired;
  }
}
