package dk.trappen.outcomes;

import dk.trappen.common.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome indicators and their answers, with plain values: which indicators a youth is asked, the rules of an
 * answer ({@link #check}, every problem at once), recording the answers given at a network meeting or a follow-up
 * (in the caller's transaction), and a case's answers for the case page.
 */
@Service
@Transactional(readOnly = true)
public class OutcomeService {

  private final OutcomeIndicators indicators;
  private final OutcomeRecordRepository records;
  private final Clock clock;

  OutcomeService(OutcomeIndicators indicators, OutcomeRecordRepository records, Clock clock) {
    this.indicators = indicators;
    this.records = records;
    this.clock = clock;
  }

  /** Every configured indicator, in the configured order. */
  public List<Indicator> indicators() {
    return indicators.all();
  }

  public Optional<Indicator> indicator(String key) {
    return indicators.get(key);
  }

  /**
   * The indicators asked of a youth born on {@code born} on {@code day}: those whose ages hold the youth's age in
   * whole years. None when the birth date is not known.
   */
  public List<Indicator> applicable(LocalDate born, LocalDate day) {
    if (born == null || day == null) {
      return List.of();
    }
    int age = age(born, day);
    return indicators.all().stream().filter(i -> i.asksAge(age)).toList();
  }

  /** As {@link #applicable(LocalDate, LocalDate)} on the day of {@code at} in the municipality's zone. */
  public List<Indicator> applicable(LocalDate born, Instant at) {
    return applicable(born, day(at));
  }

  /** The youth's age in whole years on {@code day}. */
  public static int age(LocalDate born, LocalDate day) {
    return Period.between(born, day).getYears();
  }

  /**
   * Every problem with the answers given about a youth born on {@code born}, at {@code at}: an indicator that is not
   * configured, and one not asked at the youth's age (field {@code outcomes.<KEY>}). An unassessed answer (null) is
   * never a problem. Empty when the answers may be recorded.
   */
  public List<Problem> check(Map<String, Boolean> answers, LocalDate born, Instant at) {
    List<Problem> problems = new ArrayList<>();
    if (answers == null || answers.isEmpty()) {
      return problems;
    }
    LocalDate day = day(at);
    Integer age = born == null ? null : age(born, day);
    for (Map.Entry<String, Boolean> answer : answers.entrySet()) {
      String key = answer.getKey();
      String field = "outcomes." + key;
      Optional<Indicator> indicator = indicators.get(key);
      if (indicator.isEmpty()) {
        problems.add(Problem.of(field, "problem.outcomes.unknownIndicator", key, keys()));
      } else if (answer.getValue() != null && age != null && !indicator.get().asksAge(age)) {
        Indicator i = indicator.get();
        problems.add(Problem.of(field, "problem.outcomes.notForAge", key, age, i.minAge(), i.maxAge()));
      }
    }
    return problems;
  }

  /**
   * Records the answers given at a network meeting ({@code meetingId}) or a follow-up ({@code followUpId}; exactly
   * one of the two), one row per indicator answered; a null answer or a missing key is "not assessed" and stores
   * nothing. {@code stepKey} is the case's active step when recorded (null: none). The caller has checked the answers
   * ({@link #check}); runs in the caller's transaction.
   *
   * @return the answers stored, in the configured order
   */
  @Transactional
  public List<OutcomeView> record(long caseId, Long meetingId, Long followUpId, Map<String, Boolean> answers,
      String stepKey, Instant at, String by) {
    if ((meetingId == null) == (followUpId == null)) {
      throw new IllegalArgumentException("outcomes are recorded at a meeting or a follow-up, exactly one of them");
    }
    if (answers == null || answers.isEmpty()) {
      return List.of();
    }
    answers.keySet().stream().filter(k -> indicators.get(k).isEmpty()).findFirst().ifPresent(k -> {
      throw new IllegalArgumentException("no outcome indicator " + k);
    });
    List<OutcomeView> stored = new ArrayList<>();
    for (Indicator indicator : indicators.all()) {
      Boolean achieved = answers.get(indicator.key());
      if (achieved == null) {
        continue;
      }
      OutcomeRecord r = new OutcomeRecord();
      r.setCaseId(caseId);
      r.setMeetingId(meetingId);
      r.setFollowUpId(followUpId);
      r.setIndicatorKey(indicator.key());
      r.setAchieved(achieved);
      r.setStepKey(stepKey);
      r.setRecordedAt(at);
      r.setRecordedBy(by);
      stored.add(view(records.save(r)));
    }
    return stored;
  }

  /** The case's answers: the latest of each indicator, and every one newest first. */
  public CaseOutcomes outcomes(long caseId) {
    List<OutcomeView> history = records.findByCaseIdOrderByRecordedAtDescIdDesc(caseId).stream().map(this::view)
        .toList();
    Map<String, OutcomeView> latest = new LinkedHashMap<>();
    history.forEach(o -> latest.putIfAbsent(o.indicatorKey(), o));
    List<String> order = indicators.all().stream().map(Indicator::key).toList();
    List<OutcomeView> latestInOrder = latest.values().stream()
        .sorted(Comparator.comparingInt(o -> {
          int at = order.indexOf(o.indicatorKey());
          return at < 0 ? order.size() : at;
        })).toList();
    return new CaseOutcomes(latestInOrder, history);
  }

  /** The answers recorded at a network meeting, in the configured order (key -> answer). */
  public Map<String, Boolean> atMeeting(long caseId, long meetingId) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    records.findByCaseIdOrderByRecordedAtDescIdDesc(caseId).stream()
        .filter(r -> Objects.equals(r.getMeetingId(), meetingId))
        .forEach(r -> out.put(r.getIndicatorKey(), r.isAchieved()));
    return out;
  }

  private OutcomeView view(OutcomeRecord r) {
    Boolean desired = indicators.get(r.getIndicatorKey()).map(Indicator::desired).orElse(null);
    return new OutcomeView(r.getId(), r.getCaseId(), r.getMeetingId(), r.getFollowUpId(), r.getIndicatorKey(),
        r.isAchieved(), desired, r.getStepKey(), r.getRecordedAt(), r.getRecordedBy());
  }

  private LocalDate day(Instant at) {
    return (at == null ? clock.instant() : at).atZone(clock.getZone()).toLocalDate();
  }

  private String keys() {
    return String.join(", ", indicators.all().stream().map(Indicator::key).toList());
  }
}
