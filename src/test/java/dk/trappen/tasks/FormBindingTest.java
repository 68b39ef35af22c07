package dk.trappen.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.common.FormBinding;
import dk.trappen.common.Problem;
import dk.trappen.investigation.InvestigationFindings;
import dk.trappen.meetings.MeetingDecision;
import dk.trappen.meetings.NetworkMeetingInput;
import dk.trappen.meetings.ParticipantRole;
import dk.trappen.plan.PlanInput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A submitted task form is bound by Spring's constructor binding into the payload record the API takes. */
@DisplayName("Form parameters bound to the payload record")
class FormBindingTest {

  private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Copenhagen");

  private static Map<String, String[]> params(String... pairs) {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], new String[] {pairs[i + 1]});
    }
    return out;
  }

  private static <P> FormBinding.Bound<P> bind(Class<P> type, String... pairs) {
    return FormBinding.bind(FormBinding.values(params(pairs)), type, ZONE);
  }

  @Test
  @DisplayName("numbers, enums and booleans take the payload's types, empty values are absent and other parameters "
      + "ignored")
  void typesAndEmptyValues() {
    FormBinding.Bound<NetworkMeetingInput> bound = bind(NetworkMeetingInput.class,
        "_csrf", "token", "youthSatisfaction", "4", "interventionId", "", "decision", "CONTINUE",
        "goalProgress[0].goalId", "17", "goalProgress[0].progress", "10", "goalProgress[0].comment", " ",
        "participants[0].role", "YOUTH", "participants[0].name", "Emil", "noSuchField", "x");
    assertThat(bound.result().hasErrors()).isFalse();
    NetworkMeetingInput in = bound.payload();
    assertThat(in.youthSatisfaction()).isEqualTo(4);
    assertThat(in.interventionId()).isNull();
    assertThat(in.decision()).isEqualTo(MeetingDecision.CONTINUE);
    assertThat(in.goalProgress()).containsExactly(new NetworkMeetingInput.Progress(17L, 10, null));
    assertThat(in.participants()).containsExactly(new NetworkMeetingInput.Participant(ParticipantRole.YOUTH, "Emil"));
  }

  @Test
  @DisplayName("a map binds by upper-case key (outcomes[SCHOOL_ATTENDANCE]); an empty answer is absent, and a "
      + "bracket that is neither an index nor an upper-case key is ignored")
  void mapByKey() {
    FormBinding.Bound<NetworkMeetingInput> bound = bind(NetworkMeetingInput.class,
        "outcomes[SCHOOL_ATTENDANCE]", "true", "outcomes[POLICE_CONTACT]", "false", "outcomes[SUBSTANCE_USE]", "",
        "outcomes[lower]", "true", "safetyPlanReviews[3].safetyPlanId", "9", "safetyPlanReviews[3].holds", "false");
    assertThat(bound.result().hasErrors()).isFalse();
    assertThat(bound.payload().outcomes()).containsExactlyInAnyOrderEntriesOf(
        Map.of("SCHOOL_ATTENDANCE", true, "POLICE_CONTACT", false));
    assertThat(bound.payload().safetyPlanReviews())
        .containsExactly(new NetworkMeetingInput.SafetyPlanReview(9L, false, null));
  }

  @Test
  @DisplayName("an answer in a map that is not of the map's type is refused at its own key, and the other answers "
      + "bind")
  void badMapEntryAtItsKey() {
    FormBinding.Bound<NetworkMeetingInput> bound = bind(NetworkMeetingInput.class,
        "outcomes[SCHOOL_ATTENDANCE]", "måske", "outcomes[POLICE_CONTACT]", "false");
    assertThat(FormBinding.problems(bound.result(), Map.of())).extracting(Problem::field, Problem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("outcomes[SCHOOL_ATTENDANCE]", "problem.json.format"));
    assertThat(bound.payload().outcomes()).containsExactlyEntriesOf(Map.of("POLICE_CONTACT", false));
  }

  @Test
  @DisplayName("text that is not a number, a choice or a date is refused at its field, as the API refuses it")
  void notConvertible() {
    FormBinding.Bound<NetworkMeetingInput> bound = bind(NetworkMeetingInput.class, "youthSatisfaction", "fire",
        "decision", "PARTY", "participants[0].role", "KING", "participants[0].name", "Emil");
    assertThat(bound.payload().youthSatisfaction()).isNull();
    assertThat(FormBinding.problems(bound.result(), Map.of())).extracting(Problem::field, Problem::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("youthSatisfaction", "problem.json.format"),
            org.assertj.core.groups.Tuple.tuple("decision", "problem.json.notOneOf"),
            org.assertj.core.groups.Tuple.tuple("participants[0].role", "problem.json.notOneOf"));
    FormBinding.Bound<PlanInput> plan = bind(PlanInput.class, "goals[0].subGoals[0].targetDate", "snart");
    assertThat(FormBinding.problems(plan.result(), Map.of())).extracting(Problem::code)
        .containsExactly("problem.json.notADate");
  }

  @Test
  @DisplayName("empty list rows are dropped and the rest renumbered, in the payload and in the values shown again")
  void emptyRowsDropped() {
    Map<String, String> values = FormBinding.values(params(
        "youthOwnWords", "Mine ord",
        "goals[0].title", "", "goals[0].subGoals[0].title", "",
        "goals[3].title", "Skole", "goals[3].youthOwn", "true",
        "goals[3].subGoals[0].title", "", "goals[3].subGoals[2].title", "Vækkeur",
        "goals[3].subGoals[2].targetDate", "2028-01-01"));
    assertThat(values).containsEntry("goals[0].title", "Skole")
        .containsEntry("goals[0].subGoals[0].targetDate", "2028-01-01")
        .containsEntry("youthOwnWords", "Mine ord")
        .doesNotContainKey("goals[3].title");
    PlanInput in = FormBinding.bind(values, PlanInput.class, ZONE).payload();
    assertThat(in.goals()).hasSize(1);
    assertThat(in.goals().get(0).youthOwn()).isTrue();
    assertThat(FormBinding.bind(Map.of("goals[0].title", "Skole"), PlanInput.class, ZONE).result().hasErrors())
        .as("a checkbox not ticked is false").isFalse();
    assertThat(in.goals().get(0).subGoals())
        .containsExactly(new PlanInput.SubGoal("Vækkeur", LocalDate.of(2028, 1, 1)));
  }

  @Test
  @DisplayName("booleans from radios: true and false")
  void booleans() {
    InvestigationFindings in = bind(InvestigationFindings.class, "safeAtHome", "false", "kinOrNetworkPossible", "true")
        .payload();
    assertThat(in.safeAtHome()).isFalse();
    assertThat(in.kinOrNetworkPossible()).isTrue();
  }

  @Test
  @DisplayName("every value with a control character is named, and names that are no field's are left out")
  void controlCharactersAndOddNames() {
    Map<String, String> values = FormBinding.values(params("findings", "a\u0000b", "youthPerspective", "c\u0007",
        "goals[99999999999].title", "x", "<script>", "y"));
    assertThat(values).containsOnlyKeys("findings", "youthPerspective");
    assertThat(FormBinding.problems(FormBinding.bind(values, InvestigationFindings.class, ZONE).result(), values))
        .extracting(Problem::field).containsExactly("findings", "youthPerspective");
  }

  @Test
  @DisplayName("the summary lists problems in the order the form shows its fields, list elements by number")
  void summaryInFormOrder() {
    TaskForm<PlanInput> form = new TaskForm<>() {
      @Override
      public String kind() {
        return "plan";
      }

      @Override
      public Class<PlanInput> payloadType() {
        return PlanInput.class;
      }

      @Override
      public List<String> fieldOrder() {
        return List.of("youthOwnWords", "goals", "title", "targetDate", "subGoals");
      }
    };
    var errors = FormView.empty();
    for (String field : List.of("goals[1].title", "goals[0].subGoals[1].targetDate", "goals[0].subGoals[1].title",
        "youthOwnWords")) {
      FormView.reject(errors, Problem.of(field, "problem.tooLong", 5));
    }
    var messages = new org.springframework.context.support.StaticMessageSource();
    messages.setUseCodeAsDefaultMessage(true);
    FormView view = FormView.of(form, Map.of(), errors, Map.of(), messages, java.util.Locale.ENGLISH);
    assertThat(view.summary()).extracting(FormView.SummaryItem::path).containsExactly("youthOwnWords",
        "goals[0].subGoals[1].title", "goals[0].subGoals[1].targetDate", "goals[1].title");
  }
}
