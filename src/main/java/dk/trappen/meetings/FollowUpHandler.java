package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.FOLLOW_UP_INTERVAL;
import static dk.trappen.common.ProcessVariables.DONE_AT;
import static dk.trappen.common.ProcessVariables.LAST_FOLLOW_UP_AT;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.common.ProcessVariables;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRules;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The legal follow-up (§ 95) of whether the interventions work. It decides the interval until the next follow-up
 * (when none is given: the interval decided earlier, else trappen.deadlines.follow-up.period, P6M by default).
 */
@Component
class FollowUpHandler implements TaskHandler<FollowUpHandler.Input>,
    TaskForm<FollowUpHandler.Input> {

  record Input(
      @NotNull(message = "{problem.followUp.effective.required}") Boolean effective,
      @NotBlank(message = "{problem.followUp.conclusion.required}")
      @Size(max = 4000, message = "{problem.tooLong}") String conclusion,
      @Size(max = 20, message = "{problem.followUp.nextInterval.size}") String nextInterval,
      Instant heldAt,
      /* the outcome indicators answered about the youth, by key: true, false; null or left out: not assessed */
      Map<String, Boolean> outcomes) {
  }

  private final MeetingsService meetings;
  private final DeadlineRules rules;

  private final HeldAtPolicy heldAt;
  private final OutcomeFields outcomes;

  FollowUpHandler(MeetingsService meetings, DeadlineRules rules, HeldAtPolicy heldAt, OutcomeFields outcomes) {
    this.outcomes = outcomes;
    this.meetings = meetings;
    this.rules = rules;
    this.heldAt = heldAt;
  }

  @Override
  public String taskKey() {
    return "Task_FollowUp";
  }

  @Override
  public String kind() {
    return "follow-up";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("heldAt", "effective", "conclusion", "nextInterval", "outcomes");
  }

  /** The intervals a follow-up can set until the next one (ISO-8601 periods, labelled in the bundles). */
  static final List<String> INTERVALS = List.of("P1M", "P3M", "P6M", "P9M", "P12M");

  @Override
  public Map<String, Object> model(FormContext form) {
    return Map.of("intervals", INTERVALS, "outcomeIndicators", outcomes.rows(form),
        "outcomeChoices", OutcomeFields.CHOICES);
  }

  /** The indicators' names for the error summary. */
  @Override
  public Map<String, String> elementNames(FormContext form) {
    return outcomes.names(form);
  }

  @Override
  public List<Problem> problems(TaskContext context, Input in) {
    List<Problem> problems = new ArrayList<>(heldAt.problems(in.heldAt(), context.now(), rules.zone()));
    problems.addAll(intervalProblems(in.nextInterval()));
    problems.addAll(outcomes.problems(context.caseId(), in.outcomes(), HeldAtPolicy.heldAt(in.heldAt(),
        context.now())));
    return problems;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    List<Problem> problems = problems(context, in);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    // without a new decision, the interval decided at an earlier follow-up stands; before any, the configured one
    Object decided = context.variable(FOLLOW_UP_INTERVAL);
    Period interval = in.nextInterval() != null && !in.nextInterval().isBlank()
        ? Period.parse(in.nextInterval().strip())
        : decided != null ? Period.parse(decided.toString()) : rules.rule(DeadlineKind.FOLLOW_UP).period();
    FollowUpView done = meetings.recordFollowUp(context.caseId(), in.effective(), in.conclusion(), interval,
        HeldAtPolicy.heldAt(in.heldAt(), context.now()), context.user());
    // in the follow-up's transaction
    outcomes.record(context.caseId(), null, done.id(), in.outcomes(), done.heldAt(), context.user());
    // the next follow-up's clock runs from when this one was held; the register records it met then (DONE_AT)
    return Map.of(LAST_FOLLOW_UP_AT, Date.from(done.heldAt()), FOLLOW_UP_INTERVAL, done.nextInterval(),
        DONE_AT, ProcessVariables.doneAt(done.heldAt()));
  }

  /** The longest interval until the next follow-up, in months. */
  static final int MAX_INTERVAL_MONTHS = 24;

  /**
   * The interval policy: an interval, if given, is a positive ISO-8601 period in months or days (weeks are refused:
   * the engine counts them wrongly) of at most {@link #MAX_INTERVAL_MONTHS} months; empty if it is, or none is given.
   */
  static List<Problem> intervalProblems(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String value = text.strip();
    if (value.matches("(?i).*\\d+W.*")) {
      return List.of(Problem.of("nextInterval", "problem.followUp.weeks", value));
    }
    Period p;
    try {
      p = Period.parse(value);
    } catch (DateTimeParseException e) {
      return List.of(Problem.of("nextInterval", "problem.followUp.notAPeriod", value));
    }
    if (p.isZero() || p.isNegative()) {
      return List.of(Problem.of("nextInterval", "problem.followUp.notPositive", value));
    }
    // an interval of years on end would put the next legal follow-up out of sight
    if (p.toTotalMonths() + p.getDays() / 31 > MAX_INTERVAL_MONTHS) {
      return List.of(Problem.of("nextInterval", "problem.followUp.tooLong", MAX_INTERVAL_MONTHS, value));
    }
    return List.of();
  }
}
