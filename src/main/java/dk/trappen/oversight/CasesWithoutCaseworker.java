package dk.trappen.oversight;

import dk.trappen.cases.CaseRef;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.oversight.OversightService.CaseWithoutCaseworker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which of a team's open cases have no active caseworker of the team (see {@link CaseWithoutCaseworker}): the list
 * the team leader is shown, and the count of the overview's "Ikke fordelt" and the side-by-side figures.
 */
@Component
class CasesWithoutCaseworker {

  private final OrgService org;

  CasesWithoutCaseworker(OrgService org) {
    this.org = org;
  }

  /** Of the team's {@code open} cases, those without an active caseworker of the team, named as the page shows them. */
  List<CaseWithoutCaseworker> of(String teamCode, List<CaseRef> open) {
    Set<String> active = org.caseworkers(teamCode).stream().map(StaffMember::username).collect(Collectors.toSet());
    List<CaseRef> without = open.stream().filter(c -> c.caseworker() == null || !active.contains(c.caseworker()))
        .toList();
    if (without.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = new HashMap<>();
    org.formerMembers(teamCode).forEach(m -> names.put(m.username(), m.displayName()));
    return without.stream().map(c -> new CaseWithoutCaseworker(c.caseNumber(), c.childName(), c.awareAt(),
        c.caseworker(), c.caseworker() == null ? null : names.computeIfAbsent(c.caseworker(),
            u -> org.member(u).map(StaffMember::displayName).orElse(u)))).toList();
  }
}
