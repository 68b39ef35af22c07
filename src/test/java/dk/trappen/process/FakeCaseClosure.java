package dk.trappen.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for {@code caseClosure}: records the closure reason and the case of every call. */
public class FakeCaseClosure {

  private final List<String> reasons = new ArrayList<>();
  private final List<String> caseNumbers = new ArrayList<>();

  public void close(DelegateExecution execution) {
    reasons.add((String) execution.getVariable("closureReason"));
    caseNumbers.add(execution.getProcessBusinessKey());
  }

  public List<String> reasons() {
    return reasons;
  }

  public List<String> caseNumbers() {
    return caseNumbers;
  }
}
