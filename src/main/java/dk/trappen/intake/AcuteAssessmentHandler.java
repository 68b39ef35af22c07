package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.*;

import dk.trappen.common.InvalidInputException;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The 24-hour acute assessment of a new notification. */
@Component
class AcuteAssessmentHandler implements TaskHandler<AcuteAssessmentHandler.Input> {

  static final String RISK = "LOW|MODERATE|HIGH|ACUTE";
  static final String WISH = "STAY_HOME|KIN_OR_NETWORK|FOSTER_FAMILY|INSTITUTION|NO_WISH";

  /**
   * The assessment. With acute measures, the findings that drive the step recommendation are required too.
   */
  record Input(
      @NotNull(message = "is required: NO_ACTION, ACUTE_MEASURES or INVESTIGATE") AcuteOutcome outcome,
      @NotBlank(message = "must give the grounds of the assessment") @Size(max = 4000, message = "must be at most 4000 characters") String note,
      @Pattern(regexp = RISK, message = "must be one of LOW, MODERATE, HIGH, ACUTE") String riskLevel,
      Boolean safeAtHome,
      Boolean kinOrNetworkPossible,
      @Pattern(regexp = WISH, message = "must be one of STAY_HOME, KIN_OR_NETWORK, FOSTER_FAMILY, INSTITUTION, NO_WISH")
      String youthWish) {
  }

  private final IntakeService intake;

  AcuteAssessmentHandler(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public String taskKey() {
    return "Task_AcuteAssessment";
  }

  @Override
  public String kind() {
    return "acute-assessment";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ACUTE_OUTCOME, in.outcome().name());
    if (in.outcome() == AcuteOutcome.ACUTE_MEASURES) {
      Map<String, String> missing = new LinkedHashMap<>();
      if (in.riskLevel() == null) {
        missing.put("riskLevel", "is required when acute measures are needed");
      }
      if (in.safeAtHome() == null) {
        missing.put("safeAtHome", "is required when acute measures are needed");
      }
      if (in.kinOrNetworkPossible() == null) {
        missing.put("kinOrNetworkPossible", "is required when acute measures are needed");
      }
      if (!missing.isEmpty()) {
        throw new InvalidInputException(missing, false);
      }
      vars.put(RISK_LEVEL, in.riskLevel());
      vars.put(SAFE_AT_HOME, in.safeAtHome());
      vars.put(KIN_OR_NETWORK_POSSIBLE, in.kinOrNetworkPossible());
      vars.put(YOUTH_WISH, in.youthWish() == null ? "NO_WISH" : in.youthWish());
    }
    if (in.outcome() == AcuteOutcome.NO_ACTION) {
      vars.put(CLOSURE_REASON, "NO_FURTHER_ACTION");
    }
    intake.recordAcuteAssessment(context.longVariable(NOTIFICATION_ID), in.outcome(), in.note(), context.user());
    return vars;
  }
}
