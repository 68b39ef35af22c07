package dk.trappen.investigation;

import static dk.trappen.common.ProcessVariables.CLOSURE_REASON;
import static dk.trappen.common.ProcessVariables.INVESTIGATION_FINISHED_AT;
import static dk.trappen.common.ProcessVariables.INVESTIGATION_OUTCOME;
import static dk.trappen.common.ProcessVariables.KIN_OR_NETWORK_POSSIBLE;
import static dk.trappen.common.ProcessVariables.RISK_LEVEL;
import static dk.trappen.common.ProcessVariables.SAFE_AT_HOME;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;
import static dk.trappen.common.ProcessVariables.YOUTH_WISH;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The child-welfare investigation. Its findings are the inputs of the step recommendation (as the strings and
 * booleans the DMN reads); without the need for an intervention the case closes.
 */
@Component
class InvestigationHandler implements TaskHandler<InvestigationFindings>, TaskForm<InvestigationFindings> {

  private final InvestigationService investigations;

  InvestigationHandler(InvestigationService investigations) {
    this.investigations = investigations;
  }

  @Override
  public String taskKey() {
    return "Task_Investigation";
  }

  @Override
  public String kind() {
    return "investigation";
  }

  @Override
  public Class<InvestigationFindings> payloadType() {
    return InvestigationFindings.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("findings", "youthPerspective", "riskLevel", "safeAtHome", "kinOrNetworkPossible", "youthWish",
        "outcome");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    return Map.of("riskLevels", names(RiskLevel.values()), "youthWishes", names(YouthWish.values()),
        "outcomes", names(InvestigationOutcome.values()));
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** The closing policy: no intervention is not an outcome for a child who is not safe at home or at acute risk. */
  @Override
  public List<Problem> problems(TaskContext context, InvestigationFindings in) {
    List<Problem> problems = new ArrayList<>();
    if (in.outcome() == InvestigationOutcome.NO_INTERVENTION) {
      if (Boolean.FALSE.equals(in.safeAtHome())) {
        problems.add(Problem.of("outcome", "problem.investigation.notSafe"));
      }
      if (in.riskLevel() == RiskLevel.ACUTE) {
        problems.add(Problem.of("outcome", "problem.investigation.acuteRisk"));
      }
    }
    return problems;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, InvestigationFindings in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    InvestigationView done = investigations.finish(context.caseId(), in, context.user());
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(INVESTIGATION_OUTCOME, in.outcome().name());
    vars.put(INVESTIGATION_FINISHED_AT, Date.from(done.finishedAt()));
    vars.put(RISK_LEVEL, in.riskLevel().name());
    vars.put(SAFE_AT_HOME, in.safeAtHome());
    vars.put(KIN_OR_NETWORK_POSSIBLE, in.kinOrNetworkPossible());
    vars.put(YOUTH_WISH, in.youthWish().name());
    vars.put(SELECTION_REASON, "INITIAL");
    if (in.outcome() == InvestigationOutcome.NO_INTERVENTION) {
      vars.put(CLOSURE_REASON, "NO_INTERVENTION_NEEDED");
    }
    return vars;
  }

  @Override
  public Map<String, Object> details(TaskContext context) {
    return investigations.investigation(context.caseId())
        .<Map<String, Object>>map(i -> Map.of("investigation", i)).orElse(Map.of());
  }
}
