package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.FIRST_INTERVENTION_STARTED_AT;
import static dk.trappen.common.ProcessVariables.INTERVENTION_ID;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The staircase's process glue, the bean {@code staircase} of {@code bpmn/step-selection.bpmn}: the service task
 * {@code Task_StartIntervention} calls {@code ${staircase.startIntervention(execution)}}. It reads the chosen
 * intervention's id from the execution, starts it with {@link StaircaseService#start}, and sets
 * {@code firstInterventionStartedAt} when this is the case's first. The bean name and the expression are the ones
 * every deployed version of the process calls, so running instances need no migration.
 */
@Component("staircase")
public class StaircaseProcessGlue {

  private final StaircaseService staircase;

  StaircaseProcessGlue(StaircaseService staircase) {
    this.staircase = staircase;
  }

  /**
   * Service task {@code Task_StartIntervention}: starts the intervention in {@code interventionId}, ends the one it
   * replaces, and sets {@code firstInterventionStartedAt} when this is the case's first.
   */
  public void startIntervention(DelegateExecution execution) {
    Object id = execution.getVariable(INTERVENTION_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("process variable " + INTERVENTION_ID + " is missing or not a number: " + id);
    }
    InterventionView started = staircase.start(number.longValue());
    if (execution.getVariable(FIRST_INTERVENTION_STARTED_AT) == null) {
      execution.setVariable(FIRST_INTERVENTION_STARTED_AT, Date.from(started.startedAt()));
    }
  }
}
