package dk.trappen.meetings;

import dk.trappen.cases.CaseService;
import dk.trappen.common.Problem;
import dk.trappen.outcomes.Indicator;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.tasks.FormContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outcome indicators as the network meeting and the follow-up ask them: the checks of the answers against the
 * youth's age, their recording with the case's active step, and the form's radio groups (ja / nej / ikke vurderet)
 * for the indicators asked at the youth's age.
 */
@Component
class OutcomeFields {

  /** The choices of each indicator's radio group; the empty one is "not assessed" (nothing is sent). */
  static final List<String> CHOICES = List.of("true", "false", "");

  /** An indicator on the form: its key and its name in the reader's language. */
  record Row(String key, String name) {
  }

  private final OutcomeService outcomes;
  private final CaseService cases;
  private final StaircaseService staircase;

  OutcomeFields(OutcomeService outcomes, CaseService cases, StaircaseService staircase) {
    this.outcomes = outcomes;
    this.cases = cases;
    this.staircase = staircase;
  }

  /** Every problem with the answers about the case's youth at {@code heldAt} (field outcomes.KEY). */
  List<Problem> problems(long caseId, Map<String, Boolean> answers, Instant heldAt) {
    if (answers == null || answers.isEmpty()) {
      return List.of();
    }
    return outcomes.check(answers, birthDate(caseId), heldAt);
  }

  /**
   * Records the answers (in the caller's transaction) with the case's active step: of several running
   * interventions the most intrusive (highest position); null when none runs.
   */
  void record(long caseId, Long meetingId, Long followUpId, Map<String, Boolean> answers, Instant heldAt,
      String user) {
    if (answers == null || answers.values().stream().allMatch(a -> a == null)) {
      return;
    }
    String stepKey = staircase.running(caseId).stream().max(Comparator.comparingInt(InterventionView::position))
        .map(InterventionView::stepKey).orElse(null);
    outcomes.record(caseId, meetingId, followUpId, answers, stepKey, heldAt, user);
  }

  /** The indicators asked of the case's youth today, named in the reader's language. */
  List<Row> rows(FormContext form) {
    LocalDate born = birthDate(form.context().caseId());
    return outcomes.applicable(born, form.context().now()).stream()
        .map(i -> new Row(i.key(), i.name(form.locale()))).toList();
  }

  /** The indicators' names for the error summary, by the paths their problems name. */
  Map<String, String> names(FormContext form) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Indicator i : outcomes.indicators()) {
      names.put("outcomes." + i.key(), i.name(form.locale()));
      names.put("outcomes[" + i.key() + "]", i.name(form.locale()));
    }
    return names;
  }

  private LocalDate birthDate(long caseId) {
    return cases.get(caseId).childBirthDate();
  }
}
