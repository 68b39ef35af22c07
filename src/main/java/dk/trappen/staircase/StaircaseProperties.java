package dk.trappen.staircase;

import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured staircase ({@code config/staircase.yml}): its name and its steps from the least to the most
 * intrusive. Validated at startup by {@link Staircase}.
 */
@Getter
@Setter
@ConfigurationProperties("trappen.staircase")
public class StaircaseProperties {

  /** The staircase's name, shown with the steps. */
  private String name;

  /** The steps, from the least to the most intrusive. */
  private List<StepDefinition> steps = new ArrayList<>();

  @Getter
  @Setter
  public static class StepDefinition {
    /** Stable identifier, upper case (HOME_BASED); stored with every intervention. */
    private String key;
    /** Danish name. */
    private String name;
    /** English name. */
    private String nameEn;
    /** The kinds of help this step provides; every kind is covered by exactly one step. */
    private List<HelpCategory> covers = new ArrayList<>();
    /** A placement outside the home: needs the team leader's approval. */
    private boolean placement;
    /**
     * The legal basis of a decision on this step, printed in the decision letter (e.g. "Barnets Lov § 32"); the
     * letters feature refuses to start without one for every step (docs/configuration.md#letters).
     */
    private String legalBasis;
    /**
     * What a month on this step costs the municipality, in whole Danish kroner (DKK) per child (docs/configuration.md
     * #figures): the spending figures and the savings of planned step-downs are counted from it. Required, 0 or more.
     */
    private Long monthlyCost;
    /**
     * How heavy a case on this step weighs in a caseworker's caseload, against 1.0 for an ordinary case (e.g. 0.5 for
     * early help, 2.0 for an institution placement). Required, more than 0.
     */
    private Double caseloadWeight;
  }
}
