package dk.trappen.meetings;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dk.trappen.cases.CaseService;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.staircase.InterventionStatus;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outcome answers are recorded with the case's active step")
class OutcomeFieldsTest {

  private static final long CASE = 7L;
  private static final Instant HELD = Instant.parse("2027-04-11T10:00:00Z");

  private final OutcomeService outcomes = mock(OutcomeService.class);
  private final StaircaseService staircase = mock(StaircaseService.class);
  private final OutcomeFields fields = new OutcomeFields(outcomes, mock(CaseService.class), staircase);

  private static InterventionView running(long id, String stepKey, int position) {
    return new InterventionView(id, CASE, stepKey, stepKey, position, false, "d", InterventionStatus.RUNNING, false,
        null, null, HELD, "karen", null, null, null, null, null, HELD, LocalDate.of(2027, 12, 31), null,
        null, null, null, null, null);
  }

  @Test
  @DisplayName("with several running interventions, the step stored is the most intrusive one's (highest position)")
  void mostIntrusiveStep() {
    when(staircase.running(CASE)).thenReturn(List.of(running(11L, "HOME_BASED", 3), running(12L, "PREVENTIVE", 2)));
    Map<String, Boolean> answers = Map.of("SCHOOL_ATTENDANCE", true);
    fields.record(CASE, 1L, null, answers, HELD, "karen");
    verify(outcomes).record(CASE, 1L, null, answers, "HOME_BASED", HELD, "karen");
  }

  @Test
  @DisplayName("with no running intervention the step is null")
  void noStep() {
    when(staircase.running(CASE)).thenReturn(List.of());
    Map<String, Boolean> answers = Map.of("POLICE_CONTACT", false);
    fields.record(CASE, null, 2L, answers, HELD, "karen");
    verify(outcomes).record(eq(CASE), isNull(), eq(2L), eq(answers), isNull(), eq(HELD), eq("karen"));
  }

  @Test
  @DisplayName("nothing is recorded when nothing was assessed")
  void nothingAssessed() {
    Map<String, Boolean> unassessed = new HashMap<>();
    unassessed.put("SCHOOL_ATTENDANCE", null);
    fields.record(CASE, 1L, null, unassessed, HELD, "karen");
    fields.record(CASE, 1L, null, null, HELD, "karen");
    verify(outcomes, never()).record(anyLong(), any(), any(), anyMap(), any(), any(), anyString());
  }
}
