package dk.trappen.cases;

import java.util.List;

/**
 * What a case search asks the database for; every criterion that is null is left out. The caller decides the scope
 * ({@code teams}: the reader's teams, or null for every team, as intake's view allows) before asking.
 *
 * @param teams the teams whose cases may be found, or null for every team (never empty)
 * @param cpr the child's CPR number, ten digits without the dash: exact, by the unique index on {@code child.cpr}
 * @param caseNumber a case number, exact (by the unique index) or, with {@code caseNumberPrefix}, its beginning
 * @param caseNumberPrefix whether {@code caseNumber} is a prefix
 * @param name text contained in the child's "first last" name, any case
 * @param caseworker only the cases of this caseworker
 * @param status only open or only closed cases
 * @param order the order of the list
 */
public record CaseSearchCriteria(List<String> teams, String cpr, String caseNumber, boolean caseNumberPrefix,
                                 String name, String caseworker, CaseStatus status, CaseOrder order) {

  public CaseSearchCriteria {
    if (teams != null && teams.isEmpty()) {
      throw new IllegalArgumentException("no teams: find nothing without asking");
    }
    teams = teams == null ? null : List.copyOf(teams);
    order = order == null ? CaseOrder.OPENED : order;
  }

  /** The orders of a case list. */
  public enum CaseOrder {
    /** By case number, lowest first. */
    CASE_NUMBER,
    /** By the child's last and first name. */
    CHILD,
    /** Newest first (the default). */
    OPENED
  }
}
