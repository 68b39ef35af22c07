package dk.trappen.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * The moments a case's deadline clocks start from, as plain values: the process glue
 * ({@link DeadlineProcessGlue}) reads them from the process variables of the same names, and {@link ProcessClocks}
 * picks the one each kind of deadline runs from. Any of them may be absent; a deadline whose anchor is absent cannot
 * be computed.
 *
 * @param followUpInterval the interval between later follow-ups, decided at the first follow-up (absent: the rule's)
 * @param plannedEnd the planned end of the intervention under review (variable {@code reviewedPlannedEnd})
 */
public record DeadlineAnchors(Instant receivedAt, Instant awareAt, Instant interventionDecidedAt,
    Instant firstInterventionStartedAt, Instant lastFollowUpAt, Period followUpInterval, Instant lastMeetingAt,
    Instant concernRaisedAt, LocalDate childBirthDate, LocalDate plannedEnd) {
}
