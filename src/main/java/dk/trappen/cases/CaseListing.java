package dk.trappen.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as a list shows it: the case number, the child's id, name and birth date (never the CPR number), the team,
 * the caseworker, the status and when it was opened and closed. What a reader may see of it is decided by
 * {@code security.CaseAccess}, not here.
 */
public record CaseListing(long id, String caseNumber, long childId, String childName, LocalDate childBirthDate,
                          String teamCode, String caseworker, CaseStatus status, Instant openedAt,
                          Instant closedAt) {

  static CaseListing of(YouthCase c) {
    Child child = c.getChild();
    return new CaseListing(c.getId(), c.getCaseNumber(), child.getId(), child.getFirstName() + " "
        + child.getLastName(), child.getBirthDate(), c.getTeamCode(), c.getCaseworker(), c.getStatus(),
        c.getOpenedAt(), c.getClosedAt());
  }
}
