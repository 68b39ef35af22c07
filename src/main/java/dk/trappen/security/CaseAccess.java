package dk.trappen.security;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseListing;
import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.NotFoundException;
import dk.trappen.org.StaffMember;
import org.springframework.stereotype.Component;

/**
 * The one door to a case's data: decides how much of a case the signed-in staff member may see (see {@link Level}: a
 * caseworker or team leader all of their own team's cases; intake the intake view of every case, to register and
 * assess notifications; an administrator nothing) and records every read and write in the audit. A case the user may
 * not see at the level asked for is "not found", exactly like a case that does not exist, so its existence is not
 * revealed; the refusal is recorded with the case and its team (reason {@value #OTHER_TEAM}, or
 * {@value #INTAKE_VIEW_ONLY} when intake asks for more than its view), so that the case's team leader sees it.
 */
@Component
public class CaseAccess {

  /** The reason of a refusal of a case of another team than the user's. */
  public static final String OTHER_TEAM = "other-team";

  /** The reason recorded when intake asks for more of a case than its intake view. */
  public static final String INTAKE_VIEW_ONLY = "intake-view-only";

  private final CaseService cases;
  private final CurrentUser currentUser;
  private final AuditService audit;

  CaseAccess(CaseService cases, CurrentUser currentUser, AuditService audit) {
    this.cases = cases;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** How much of a case a staff member may see. */
  public enum Level {
    /** The whole case: child, notifications, investigation, plans, meetings, the youth's words (the case's team). */
    FULL,
    /**
     * The intake view only: the notifications, the child's identity, and whether and where a case is open (team,
     * case number, status); not the investigation, the plan, the meetings or the youth's words (intake).
     */
    INTAKE_VIEW,
    /** Nothing, not even that the case exists (other teams; administrators). */
    NONE
  }

  /** The case's full content, read by the signed-in user for {@code what}; recorded. Intake is refused (not found). */
  public CaseRef read(String caseNumber, String what) {
    return open(caseNumber, Level.FULL, AuditAction.READ, what);
  }

  /**
   * The case for its intake view ({@link Level#INTAKE_VIEW} or more), read by the signed-in user for {@code what};
   * recorded. What the view holds is decided by the service that builds it, not by who asks.
   */
  public CaseRef readIntakeView(String caseNumber, String what) {
    return open(caseNumber, Level.INTAKE_VIEW, AuditAction.READ, what);
  }

  /** The case, about to be written by the signed-in user for {@code what}; recorded. Needs full access. */
  public CaseRef write(String caseNumber, String what) {
    return open(caseNumber, Level.FULL, AuditAction.WRITE, what);
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
      require(user, c, Level.FULL, what);
      audit.record(user.username(), user.role().name(), c.id(), c.caseNumber(), AuditAction.EXPORT, what);
    }
  }

  /** How much of the case the signed-in user may see. */
  public Level level(String caseNumber) {
    return level(currentUser.get(), cases.get(caseNumber));
  }

  /** How much of the case the user's role and team let them see. */
  public static Level level(StaffMember user, CaseRef c) {
    return level(user, c.teamCode());
  }

  /** How much of a case of {@code teamCode} the user's role and team let them see. */
  public static Level level(StaffMember user, String teamCode) {
    return switch (user.role()) {
      case CASEWORKER, TEAM_LEADER, HEAD -> user.covers(teamCode) ? Level.FULL : Level.NONE;
      case INTAKE -> Level.INTAKE_VIEW;
      case ADMIN -> Level.NONE;
    };
  }

  /**
   * Records a search by the signed-in user: one {@link AuditAction#READ} row for each case the answer shows (so that
   * each case's own trail, which its team leader reads, names the search), all in one transaction; a search that shows
   * no case is one row without a case. {@code what} names the kind of search, never what was typed (a CPR number).
   * A case the user may not know of is a bug of the caller's query, and refused before anything is shown.
   */
  public void recordSearch(StaffMember user, java.util.Collection<CaseListing> shown, String what) {
    java.util.Map<Long, String> cases = new java.util.LinkedHashMap<>();
    for (CaseListing c : shown) {
      if (level(user, c.teamCode()) == Level.NONE) {
        throw new IllegalStateException("a search found a case its user may not know of: " + c.caseNumber());
      }
      cases.put(c.id(), c.caseNumber());
    }
    if (cases.isEmpty()) {
      audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.READ, what, null);
    } else {
      audit.recordEach(user.username(), user.role().name(), cases, AuditAction.READ, what);
    }
  }

  /**
   * Records a list of the user's own work that names cases (the bell: tasks assigned to them, notices addressed to
   * them): one {@link AuditAction#READ} row per case shown (caseId -> caseNumber), in one transaction; a list that
   * shows no case is one row without a case. The caller lists only cases the user may see.
   */
  public void recordList(StaffMember user, java.util.Map<Long, String> shown, String what) {
    if (shown.isEmpty()) {
      audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.READ, what, null);
    } else {
      audit.recordEach(user.username(), user.role().name(), shown, AuditAction.READ, what);
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

  /** Whether the signed-in user may see the whole case. */
  public boolean mayAccess(String caseNumber) {
    return mayAccess(currentUser.get(), cases.get(caseNumber));
  }

  /** Whether the user's role and team let them see the whole case (its team). */
  public static boolean mayAccess(StaffMember user, CaseRef c) {
    return level(user, c) == Level.FULL;
  }

  /**
   * Whether the user may know of the case at all, at least as its intake view (the case number, team and status):
   * the case's team and intake.
   */
  public static boolean mayKnowOf(StaffMember user, CaseRef c) {
    return level(user, c) != Level.NONE;
  }

  private CaseRef open(String caseNumber, Level needed, AuditAction action, String what) {
    StaffMember user = currentUser.get();
    CaseRef c = cases.get(caseNumber);
    require(user, c, needed, what);
    audit.record(user.username(), user.role().name(), c.id(), c.caseNumber(), action, what);
    return c;
  }

  /** Refuses (not found, and recorded) unless the user may see at least {@code needed} of the case. */
  private void require(StaffMember user, CaseRef c, Level needed, String what) {
    Level level = level(user, c);
    // the levels are declared from most to least
    if (level == Level.NONE || level.ordinal() > needed.ordinal()) {
      recordRefusal(user, c, what, level == Level.NONE ? OTHER_TEAM : INTAKE_VIEW_ONLY);
      throw new NotFoundException("no case " + c.caseNumber());
    }
  }
}
