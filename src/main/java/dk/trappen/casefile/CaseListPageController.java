package dk.trappen.casefile;

import dk.trappen.common.PageLinks;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sager: the header's search and the case lists (template cases): "Mine sager" (a caseworker's own), "Teamets sager"
 * (every case of the user's teams), filtered by status, ordered and paged; intake searches only. What cannot be read
 * in the link is left out. Each row links to the case page, which shows intake its intake view.
 */
@Controller
class CaseListPageController {

  private final CaseSearch search;
  private final CurrentUser currentUser;

  CaseListPageController(CaseSearch search, CurrentUser currentUser) {
    this.search = search;
    this.currentUser = currentUser;
  }

  @GetMapping("/cases")
  String page(@RequestParam(required = false) String query, @RequestParam(required = false) String mine,
      @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String page, Model model) {
    StaffMember me = currentUser.get();
    CaseSearch.Request request = CaseSearch.Request.lenient(query, mine, status, sort, page);
    String sortKey = CaseSearch.SORTS.entrySet().stream().filter(e -> e.getValue() == request.order())
        .map(java.util.Map.Entry::getKey).findFirst().orElse("opened");
    Page<CaseListRow> shown = search.search(me, request, "page");
    if (shown.getNumber() > 0 && shown.getNumber() >= shown.getTotalPages()) {
      // a link past the end (the list has shrunk since): the first page
      shown = search.search(me, CaseSearch.Request.lenient(query, mine, status, sort, "0"), "page");
    }
    String statusKey = request.status() == null ? "" : request.status().name();
    model.addAttribute("rows", shown.getContent());
    model.addAttribute("casePage", shown);
    model.addAttribute("query", request.query());
    model.addAttribute("mine", request.mine());
    model.addAttribute("status", statusKey);
    model.addAttribute("sort", sortKey);
    model.addAttribute("full", me.role() != Role.INTAKE);
    model.addAttribute("showMine", me.role() == Role.CASEWORKER || me.role() == Role.TEAM_LEADER);
    model.addAttribute("needsQuery", CaseSearch.needsQuery(me, request));
    model.addAttribute("pageLinks", PageLinks.of(shown, "/cases", "page", "query", request.query(),
        "mine", request.mine() ? "true" : null, "status", statusKey, "sort", "opened".equals(sortKey) ? null : sortKey));
    return "cases";
  }
}
