package dk.trappen.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A case as other features refer to it. */
public record CaseRef(long id, String caseNumber, String teamCode, String caseworker, CaseStatus status,
                      long childId, String childCpr, String childName, LocalDate childBirthDate, Instant awareAt,
                      String processInstanceId) {

  static CaseRef of(YouthCase c) {
    Child child = c.getChild();
    return new CaseRef(c.getId(), c.getCaseNumber(), c.getTeamCode(), c.getCaseworker(), c.getStatus(),
        child.getId(), child.getCpr(), child.getFirstName() + " " + child.getLastName(), child.getBirthDate(),
        c.getAwareAt(), c.getProcessInstanceId());
  }

  /** The child's CPR number with the serial part masked, for lists and logs. */
  public String maskedCpr() {
    return childCpr.substring(0, 6) + "-xxxx";
  }

  public boolean open() {
    return status == CaseStatus.OPEN;
  }
}
