package dk.trappen.security;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.NotFoundException;
import dk.trappen.org.StaffMember;
import org.springframework.stereotype.Component;

/**
 * The one door to a case's data: decides whether the signed-in staff member may see the case (a caseworker or team
 * leader their own team's cases; intake every case, to register and assess notifications; an administrator none) and
 * records every read and write in the audit. A case the user may not see is "not found", exactly like a case that
 * does not exist, so its existence is not revealed; the refusal is recorded with the case and its team (reason
 * {@value #OTHER_TEAM}), so that the case's team leader sees it.
 */
@Component
public class CaseAccess {

  /** The reason of a refusal of a case of another team than the user's. */
  public static final String OTHER_TEAM = "other-team";

  private final CaseService cases;
  private final CurrentUser currentUser;
  private final AuditService audit;

  CaseAccess(CaseService cases, CurrentUser currentUser, AuditService audit) {
    this.cases = cases;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** The case, read by the signed-in user for {@code what}; recorded. */
  public CaseRef read(String caseNumber, String what) {
    return open(caseNumber, AuditAction.READ, what);
  }

  /** The case, about to be written by the signed-in user for {@code what}; recorded. */
  public CaseRef write(String caseNumber, String what) {
    return open(caseNumber, AuditAction.WRITE, what);
  }

  /** Records work on a case the user reached through a scoped query (a task of their groups). */
  public void record(StaffMember user, long caseId, String caseNumber, AuditAction action, String what) {
    audit.record(user.username(), user.role().name(), caseId, caseNumber, action, what);
  }

  /** Records a write the signed-in user made through a service that scopes itself (registering a notification). */
  public void recordWrite(String caseNumber, String what) {
    StaffMember user = currentUser.get();
    CaseRef c = cases.get(caseNumber);
    audit.record(user.username(), user.role().name(), c.id(), c.caseNumber(), AuditAction.WRITE, what);
  }

  /** Records that these cases left the system in an export by the signed-in user. */
  public void recordExport(Iterable<String> caseNumbers, String what) {
    StaffMember user = currentUser.get();
    for (String n : caseNumbers) {
      CaseRef c = cases.get(n);
      require(user, c, what);
      audit.record(user.username(), user.role().name(), c.id(), c.caseNumber(), AuditAction.EXPORT, what);
    }
  }

  /** Records an export by the signed-in user that holds no case (the team's figures). */
  public void recordExportWithoutCases(String what) {
    StaffMember user = currentUser.get();
    audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.EXPORT, what, null);
  }

  /**
   * Records that the user was refused {@code what} on the case (found through a task or a team leader's form), for
   * {@code reason}; the caller then answers "not found".
   */
  public void recordRefusal(StaffMember user, CaseRef c, String what, String reason) {
    audit.refused(user.username(), user.role().name(), c.id(), c.caseNumber(), c.teamCode(), what, reason);
  }

  /** Whether the signed-in user may see the case. */
  public boolean mayAccess(String caseNumber) {
    return mayAccess(currentUser.get(), cases.get(caseNumber));
  }

  /** Whether the user's role and team let them see the case. */
  public static boolean mayAccess(StaffMember user, CaseRef c) {
    return switch (user.role()) {
      case INTAKE -> true;
      case CASEWORKER, TEAM_LEADER -> c.teamCode().equals(user.teamCode());
      case ADMIN -> false;
    };
  }

  private CaseRef open(String caseNumber, AuditAction action, String what) {
    StaffMember user = currentUser.get();
    CaseRef c = cases.get(caseNumber);
    require(user, c, what);
    audit.record(user.username(), user.role().name(), c.id(), c.caseNumber(), action, what);
    return c;
  }

  private void require(StaffMember user, CaseRef c, String what) {
    if (!mayAccess(user, c)) {
      recordRefusal(user, c, what, OTHER_TEAM);
      throw new NotFoundException("no case " + c.caseNumber());
    }
  }
}
