package dk.trappen.casefile;

import dk.trappen.common.Paging;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/cases: the case search and the case lists over the API ({@link CaseSearch}). */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "A youth case with its child, interventions, step history and deadlines")
class CaseSearchController {

  private final CaseSearch search;
  private final CurrentUser currentUser;

  CaseSearchController(CaseSearch search, CurrentUser currentUser) {
    this.search = search;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Search the cases the user may see, open and closed, one page at a time",
      description = "query is a CPR number (ddmmyyxxxx or ddmmyy-xxxx: the child's cases), a case number (exact, or "
          + "its beginning such as 2027-00) or part of the child's name (any case); empty lists every case the user "
          + "may see. A caseworker, team leader or head of department finds the cases of their teams with every "
          + "field; intake finds any case but only with its intake view's fields (no caseworker), and only with a "
          + "query; an administrator is refused (403). Each row names the child's other cases the user may know of. "
          + "The answer is one page like GET /api/tasks. A bad page, size, status, mine or sort is a 400 problem "
          + "detail naming the field. Every search is audited: a row per case shown, or one without a case.")
  PagedModel<CaseListRow> search(
      @Parameter(description = "CPR number, case number or part of the child's name; at most " + CaseSearch.MAX_QUERY
          + " characters") @RequestParam(required = false) String query,
      @Parameter(description = "true: only the cases where the user is the caseworker",
          schema = @Schema(type = "boolean", defaultValue = "false")) @RequestParam(required = false) String mine,
      @Parameter(description = "OPEN or CLOSED; empty for both",
          schema = @Schema(type = "string", allowableValues = {"OPEN", "CLOSED"}))
      @RequestParam(required = false) String status,
      @Parameter(description = "caseNumber, child (last, first name) or opened (newest first, the default)",
          schema = @Schema(type = "string", allowableValues = {"caseNumber", "child", "opened"}))
      @RequestParam(required = false) String sort,
      @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", minimum = "0",
          defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(description = "Cases per page, at most " + Paging.MAX_SIZE, schema = @Schema(type = "integer",
          minimum = "1", maximum = "" + Paging.MAX_SIZE, defaultValue = "" + Paging.DEFAULT_SIZE))
      @RequestParam(required = false) String size) {
    CaseSearch.Request request = CaseSearch.Request.strict(query, mine, status, sort, page, size);
    return new PagedModel<>(search.search(currentUser.get(), request, "api"));
  }
}
