package dk.trappen.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.staircase.InterventionReviewView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.PlannedEndReviews;
import dk.trappen.staircase.Staircase;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The case page's staircase, in the reader's language: the running and pending interventions with their steps, the
 * path up and down the staircase as a table, and the chart's data.
 */
@Component
class CaseStaircaseView {

  /** A running (or pending) intervention with its step and planned next step down in the user's language. */
  public record InterventionRow(InterventionView intervention, String stepName, String nextStepDown) {
  }

  /**
   * A review before an intervention's planned end: the intervention's step, the step it stepped down to (for a step
   * down) and who reviewed it, in the reader's language.
   */
  public record ReviewRow(InterventionReviewView review, String step, String stepDown, String by) {
  }

  /** One stretch of the path: on {@code step} from {@code from} until {@code to} (null: until now). */
  public record PathRow(Instant from, Instant to, int position, String step, String movement) {
  }

  private final StaircaseService staircase;
  private final PlannedEndReviews reviews;
  private final MessageSource messages;
  private final ObjectMapper json;

  CaseStaircaseView(StaircaseService staircase, PlannedEndReviews reviews, MessageSource messages, ObjectMapper json) {
    this.staircase = staircase;
    this.reviews = reviews;
    this.messages = messages;
    this.json = json;
  }

  List<InterventionRow> rows(List<InterventionView> interventions, Function<String, String> stepName) {
    return interventions.stream().map(i -> new InterventionRow(i, stepName.apply(i.stepKey()),
        i.nextStepDownKey() == null ? null : stepName.apply(i.nextStepDownKey()))).toList();
  }

  /** The reviews before the planned ends of a case's interventions, newest first. */
  List<ReviewRow> reviewRows(long caseId, List<InterventionView> interventions, Function<String, String> stepName,
      Function<String, String> person) {
    Map<Long, InterventionView> byId = new LinkedHashMap<>();
    interventions.forEach(i -> byId.put(i.id(), i));
    List<ReviewRow> rows = new ArrayList<>();
    for (InterventionReviewView r : reviews.reviews(caseId)) {
      InterventionView i = byId.get(r.interventionId());
      String step = i == null ? String.valueOf(r.interventionId())
          : msg("case.stepNumbered", i.position(), stepName.apply(i.stepKey()));
      rows.add(0, new ReviewRow(r, step, r.stepDownKey() == null ? null : stepName.apply(r.stepDownKey()),
          person.apply(r.reviewedBy())));
    }
    return rows;
  }

  /** A step's name in the user's language; the common goal below step 1; the key itself if no longer configured. */
  String stepName(String key, boolean english) {
    if (Staircase.ORDINARY_LIFE.equals(key)) {
      return msg("case.ordinaryLife");
    }
    return staircase.step(key).map(s -> english ? s.nameEn() : s.name()).orElse(key);
  }

  private String levelName(int position, boolean english) {
    if (position == 0) {
      return msg("case.path.none");
    }
    return staircase.steps().stream().filter(s -> s.position() == position).findFirst()
        .map(s -> msg("case.stepNumbered", s.position(), english ? s.nameEn() : s.name()))
        .orElse(String.valueOf(position));
  }

  /** The path as a table: each stretch from one change to the next (the last until now, or the closure). */
  List<PathRow> pathRows(List<StaircasePath.Point> changes, Instant closedAt, boolean english) {
    List<PathRow> rows = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      StaircasePath.Point p = changes.get(i);
      Instant to = i + 1 < changes.size() ? changes.get(i + 1).at() : closedAt;
      if (to != null && !to.isAfter(p.at())) {
        to = null;
      }
      String movement = i == 0 ? msg("case.path.begin")
          : msg(p.position() > changes.get(i - 1).position() ? "case.path.up" : "case.path.down");
      rows.add(new PathRow(p.at(), to, p.position(), levelName(p.position(), english), movement));
    }
    return rows;
  }

  /** The chart's data for case.js: points (x in epoch ms, y the step position) and the step labels. */
  String pathJson(List<StaircasePath.Point> points, boolean english) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("points", points.stream().map(p -> Map.of("x", p.at().toEpochMilli(), "y", p.position())).toList());
    List<Map<String, Object>> levels = new ArrayList<>();
    levels.add(Map.of("position", 0, "name", msg("case.path.none")));
    for (Step s : staircase.steps()) {
      levels.add(Map.of("position", s.position(), "name", s.position() + ". " + (english ? s.nameEn() : s.name())));
    }
    data.put("steps", levels);
    data.put("label", msg("case.path.series"));
    data.put("xTitle", msg("case.path.axisTime"));
    data.put("yTitle", msg("case.path.col.step"));
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
