package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.*;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The 24-hour acute assessment of a new notification, and its form. */
@Component
class AcuteAssessmentHandler implements TaskHandler<AcuteAssessmentHandler.Input>,
    TaskForm<AcuteAssessmentHandler.Input> {

  static final String RISK = "LOW|MODERATE|HIGH|ACUTE";
  static final String WISH = "STAY_HOME|KIN_OR_NETWORK|FOSTER_FAMILY|INSTITUTION|NO_WISH";

  /** The problem of a finding left out when acute measures are needed. */
  static final String REQUIRED_FOR_ACUTE = "problem.acute.requiredForAcute";

  /**
   * The assessment. With acute measures, the findings that drive the step recommendation are required too.
   */
  record Input(
      @NotNull(message = "{problem.acute.outcome.required}") AcuteOutcome outcome,
      @NotBlank(message = "{problem.acute.note.required}") @Size(max = 4000, message = "{problem.tooLong}") String note,
      @Pattern(regexp = RISK, message = "{problem.acute.riskLevel.oneOf}") String riskLevel,
      Boolean safeAtHome,
      Boolean kinOrNetworkPossible,
      @Pattern(regexp = WISH, message = "{problem.acute.youthWish.oneOf}")
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
  public List<String> fieldOrder() {
    return List.of("outcome", "note", "riskLevel", "safeAtHome", "kinOrNetworkPossible", "youthWish");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    return Map.of("notifications", notifications(intake, form), "outcomes", names(AcuteOutcome.values()),
        "riskLevels", List.of(RISK.split("\\|")), "youthWishes", List.of(WISH.split("\\|")));
  }

  /** The notifications of the task's case, newest first: what the intake forms show to read. */
  static List<NotificationView> notifications(IntakeService intake, FormContext form) {
    if (form.context().caseId() <= 0) {
      return List.of();
    }
    return intake.notifications(form.context().caseId()).stream()
        .sorted(Comparator.comparing(NotificationView::receivedAt).reversed()).toList();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** The acute findings policy: with acute measures, the findings that drive the step recommendation are required. */
  @Override
  public List<Problem> problems(TaskContext context, Input in) {
    List<Problem> missing = new ArrayList<>();
    if (in.outcome() == AcuteOutcome.ACUTE_MEASURES) {
      if (in.riskLevel() == null) {
        missing.add(Problem.of("riskLevel", REQUIRED_FOR_ACUTE));
      }
      if (in.safeAtHome() == null) {
        missing.add(Problem.of("safeAtHome", REQUIRED_FOR_ACUTE));
      }
      if (in.kinOrNetworkPossible() == null) {
        missing.add(Problem.of("kinOrNetworkPossible", REQUIRED_FOR_ACUTE));
      }
    }
    return missing;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(ACUTE_OUTCOME, in.outcome().name());
    if (in.outcome() == AcuteOutcome.ACUTE_MEASURES) {
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
