package dk.trappen.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trappen.cases.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a case search or case list (GET /api/cases, the page /cases). The case's team (caseworkers, team
 * leaders, heads of department over it) sees every field; intake sees only what its intake view of the case shows
 * (case number, status, team, opened and closed, the child's name and birth date): {@code caseworker} is left out.
 * Never the CPR number. {@code otherCases} are the child's other cases the reader may know of (the same CPR number);
 * {@code siblings} the cases of other children who share a custody holder with this case (a party with custody and
 * the same CPR number on both cases), as far as the reader may know of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseListRow(String caseNumber, String childName, LocalDate childBirthDate, CaseStatus status,
                          String team, String teamName, String caseworker, Instant openedAt, Instant closedAt,
                          List<OtherCase> otherCases, List<Sibling> siblings) {

  /** Another case of the same child: its number, status and team (what intake may know of any case). */
  public record OtherCase(String caseNumber, CaseStatus status, String team) {
  }

  /** A case of a sibling (a child sharing a custody holder): the child's name and the case's number, status, team. */
  public record Sibling(String childName, String caseNumber, CaseStatus status, String team) {
  }
}
