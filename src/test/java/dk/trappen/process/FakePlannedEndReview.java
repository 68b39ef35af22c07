package dk.trappen.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for {@code plannedEndReview}: the planned end of each intervention as the test set it (by default
 * {@link #DEFAULT_PLANNED_END}, far enough ahead that no review opens in the tests that do not look at it), handed to
 * the review's subprocess as {@code reviewedPlannedEnd}. Records which interventions a review started for.
 */
public class FakePlannedEndReview {

  static final LocalDate DEFAULT_PLANNED_END = LocalDate.of(2027, 6, 30);

  private final Map<Long, LocalDate> plannedEnds = new HashMap<>();
  private final List<Long> read = new ArrayList<>();

  public void read(DelegateExecution execution) {
    long id = ((Number) execution.getVariable("reviewedInterventionId")).longValue();
    read.add(id);
    execution.setVariable("reviewedPlannedEnd", plannedEnd(id).toString());
  }

  // ---- set up and read by tests

  public FakePlannedEndReview plannedEnd(long interventionId, LocalDate plannedEnd) {
    plannedEnds.put(interventionId, plannedEnd);
    return this;
  }

  public LocalDate plannedEnd(long interventionId) {
    return plannedEnds.getOrDefault(interventionId, DEFAULT_PLANNED_END);
  }

  /** The interventions whose planned end a review read, in order (once per review round). */
  public List<Long> read() {
    return read;
  }
}
