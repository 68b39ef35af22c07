package dk.trappen.staircase;

import static dk.trappen.common.ProcessVariables.INTERVENTION_DECIDED_AT;
import static dk.trappen.common.ProcessVariables.INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.PLACEMENT_STEP;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_CATEGORY;
import static dk.trappen.common.ProcessVariables.RECOMMENDED_STEP_KEY;
import static dk.trappen.common.ProcessVariables.REPLACES_INTERVENTION_ID;
import static dk.trappen.common.ProcessVariables.SELECTION_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.trappen.common.InvalidInputException;
import dk.trappen.tasks.TaskContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("Choosing a step: a step higher than recommended must be justified")
class ChooseStepHandlerTest {

  private static final Instant NOW = Instant.parse("2027-03-02T08:00:00Z");

  private InterventionRepository repository;
  private ChooseStepHandler handler;

  private dk.trappen.journal.JournalService journal;

  @BeforeEach
  void setUp() {
    repository = mock(InterventionRepository.class);
    when(repository.save(any())).thenAnswer(inv -> {
      Intervention i = inv.getArgument(0);
      i.setId(42L);
      return i;
    });
    when(repository.findByCaseIdAndStatusOrderByIdAsc(any(), any())).thenReturn(List.of());
    Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Copenhagen"));
    StaircaseService service = new StaircaseService(repository, new Staircase(StaircaseValidationTest.national()),
        clock);
    journal = mock(dk.trappen.journal.JournalService.class);
    when(journal.hasChildConversation(7L)).thenReturn(true);
    handler = new ChooseStepHandler(service, new StepLabels(service, new org.springframework.context.support.StaticMessageSource()),
        mock(dk.trappen.parties.PartiesService.class), journal);
  }

  private static TaskContext context(Map<String, Object> variables) {
    return new TaskContext("t1", "Task_ChooseStep", "p1", 7L, "2027-000007", "karen", NOW, variables);
  }

  private static Map<String, Object> recommendedCategory(String category) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SELECTION_REASON, "INITIAL");
    vars.put(RECOMMENDED_CATEGORY, category);
    vars.put(RECOMMENDED_STEP_KEY, null);
    return vars;
  }

  private static ChooseStepHandler.Input input(String step, String nextDown, String justification) {
    return new ChooseStepHandler.Input(step, "Familiebehandling to gange om ugen.", LocalDate.of(2027, 12, 31),
        nextDown, justification, null);
  }

  @Test
  @DisplayName("with no conversation with the child in the journal, the choice is refused until it says why the child "
      + "was not heard, and the reason is kept with the decision")
  void childNotHeardNeedsAReason() {
    when(journal.hasChildConversation(7L)).thenReturn(false);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(recommendedCategory("PREVENTIVE")), input("PREVENTIVE", "EARLY_HELP", null)));
    assertThat(e.fieldErrors()).containsOnlyKeys("childNotHeardReason");

    handler.complete(context(recommendedCategory("PREVENTIVE")), new ChooseStepHandler.Input("PREVENTIVE",
        "Familierådgivning.", LocalDate.of(2027, 12, 31), "EARLY_HELP", null, "Barnet er to år."));
    org.mockito.ArgumentCaptor<Intervention> saved = org.mockito.ArgumentCaptor.forClass(Intervention.class);
    org.mockito.Mockito.verify(repository).save(saved.capture());
    assertThat(saved.getValue().getChildNotHeardReason()).isEqualTo("Barnet er to år.");
  }

  @Test
  @DisplayName("a step higher than recommended without a justification is refused, naming the field and both steps")
  void higherNeedsJustification() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(recommendedCategory("PREVENTIVE")), input("HOME_BASED", "PREVENTIVE", null)));
    assertThat(e.fieldErrors()).containsOnlyKeys("justification");
    assertThat(e.fieldErrors().get("justification")).contains("is required").contains("HOME_BASED")
        .contains("PREVENTIVE");
    verify(repository, never()).save(any());
  }

  @Test
  @DisplayName("a blank justification counts as none")
  void blankJustification() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(recommendedCategory("UNIVERSAL")), input("INSTITUTION", "FOSTER_FAMILY", " ")));
    assertThat(e.fieldErrors()).containsKey("justification");
  }

  @Test
  @DisplayName("a justified higher step is decided and recorded with the recommendation and the justification")
  void justifiedHigherStep() {
    Map<String, Object> vars = handler.complete(context(recommendedCategory("PREVENTIVE")),
        input("HOME_BASED", "PREVENTIVE", "Forældrene har brug for støtte i hjemmet hver dag."));
    assertThat(vars).containsEntry(INTERVENTION_ID, 42L).containsEntry(PLACEMENT_STEP, false)
        .containsEntry(INTERVENTION_DECIDED_AT, Date.from(NOW));
    ArgumentCaptor<Intervention> saved = ArgumentCaptor.forClass(Intervention.class);
    verify(repository).save(saved.capture());
    assertThat(saved.getValue().getStepKey()).isEqualTo("HOME_BASED");
    assertThat(saved.getValue().getRecommendedStepKey()).isEqualTo("PREVENTIVE");
    assertThat(saved.getValue().getJustification()).startsWith("Forældrene");
    assertThat(saved.getValue().getStatus()).isEqualTo(InterventionStatus.DECIDED);
    assertThat(saved.getValue().getDecidedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("the recommended step or a lower one needs no justification")
  void recommendedOrLowerNeedsNone() {
    assertThat(handler.complete(context(recommendedCategory("PREVENTIVE")), input("PREVENTIVE", "EARLY_HELP", null)))
        .containsEntry(INTERVENTION_ID, 42L);
    assertThat(handler.complete(context(recommendedCategory("PREVENTIVE")),
        input("EARLY_HELP", Staircase.ORDINARY_LIFE, null))).containsEntry(INTERVENTION_ID, 42L);
  }

  @Test
  @DisplayName("recommendedStepKey (from a meeting's step change) takes precedence over recommendedCategory")
  void recommendedStepKeyFirst() {
    Map<String, Object> vars = recommendedCategory("INSTITUTION");
    vars.put(SELECTION_REASON, "STEP_CHANGE");
    vars.put(RECOMMENDED_STEP_KEY, "HOME_BASED");
    vars.put(REPLACES_INTERVENTION_ID, null);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(vars), input("KIN_PLACEMENT", "HOME_BASED", null)));
    assertThat(e.fieldErrors().get("justification")).contains("HOME_BASED");
  }

  @Test
  @DisplayName("without a recommendation (a parallel intervention) no justification is asked for")
  void noRecommendation() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(SELECTION_REASON, "PARALLEL");
    assertThat(handler.complete(context(vars), input("INSTITUTION", "FOSTER_FAMILY", null)))
        .containsEntry(PLACEMENT_STEP, true);
  }

  @Test
  @DisplayName("a placement waits for approval; an emergency choice is marked as such")
  void placementAwaitsApproval() {
    Map<String, Object> vars = recommendedCategory("KIN_PLACEMENT");
    vars.put(SELECTION_REASON, "EMERGENCY");
    handler.complete(context(vars), input("KIN_PLACEMENT", "HOME_BASED", null));
    ArgumentCaptor<Intervention> saved = ArgumentCaptor.forClass(Intervention.class);
    verify(repository).save(saved.capture());
    assertThat(saved.getValue().getStatus()).isEqualTo(InterventionStatus.AWAITING_APPROVAL);
    assertThat(saved.getValue().isEmergency()).isTrue();
  }

  @Test
  @DisplayName("the next step down must be lower than the chosen step, or ORDINARY_LIFE; both errors are reported")
  void nextStepDown() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(recommendedCategory("UNIVERSAL")), input("HOME_BASED", "HOME_BASED", null)));
    assertThat(e.fieldErrors()).containsOnlyKeys("nextStepDownKey", "justification");
    assertThat(e.fieldErrors().get("nextStepDownKey")).contains("below the chosen step HOME_BASED");
    InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(recommendedCategory("HOME_BASED")), input("HOME_BASED", "NOWHERE", null)));
    assertThat(unknown.fieldErrors().get("nextStepDownKey")).contains("not a step");
  }

  @Test
  @DisplayName("an unknown step is refused, listing the steps")
  void unknownStep() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> handler.complete(context(recommendedCategory("UNIVERSAL")), input("SPACE", "EARLY_HELP", null)));
    assertThat(e.fieldErrors().get("stepKey")).contains("EARLY_HELP, PREVENTIVE");
  }

  @Test
  @DisplayName("the form shows the recommended step, the steps, the custody holders' consent and whether the child was heard")
  void details() {
    Map<String, Object> details = handler.details(context(recommendedCategory("PREVENTIVE")));
    assertThat(details).containsEntry("recommendedStepKey", "PREVENTIVE")
        .containsEntry("recommendedStepName", "Forebyggende indsatser");
    assertThat((List<?>) details.get("steps")).hasSize(6);
    assertThat(details).containsEntry("childConversationHeld", true).containsEntry("custodyConsents", List.of());
  }
}
